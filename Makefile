# Wedgewatch: `make run` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
MVN := mvn -B -q
JAR := backend/target/wedgewatch.jar
JAVA_PKGS := openjdk-17-jdk-headless=javac maven=mvn nodejs=node
TEST_PKGS := $(JAVA_PKGS) npm=npm chromium chromium-l10n chromium-driver firefox-esr postgresql
BENCH_PKGS := $(TEST_PKGS) wrk nginx-light

.PHONY: run test bench eval build deps check-lists test-extension bench-extension fuzz

deps:
	scripts/deps.sh $(TEST_PKGS)

build:
	scripts/deps.sh $(JAVA_PKGS)
	$(MVN) install -DskipTests

test: deps
	mvn -B --no-transfer-progress install   # not quiet: CI reads Surefire's "Tests run:" lines
	java -jar $(JAR) check lists/*.txt
	$(MAKE) test-extension

check-lists: build
	java -jar $(JAR) check lists/*.txt

eval: build
	java -jar $(JAR) eval
	java -jar $(JAR) eval ../shared/corpora/wording_dev.jsonl ../shared/corpora/ira_lefttroll_labeled_dev.csv eval/wording_fresh_*.jsonl eval/genuine_political*.jsonl
	java -jar $(JAR) clusters

bench: build
	scripts/deps.sh $(BENCH_PKGS)
	$(MVN) install -DskipTests -Pbench -pl shared,bench/engine
	mkdir -p target/bench
	java -jar bench/engine/target/engine-bench.jar | tee target/bench/engine.txt | grep -E '^(\||bench:|compile|generated)'
	java -cp bench/engine/target/engine-bench.jar org.wedgewatch.bench.WriteWorkload target/bench/workload
	bench/server/bench.sh | tee target/bench/server.txt
	$(MAKE) bench-extension | tee target/bench/extension.txt

run: build
	scripts/run.sh

# The engine's fuzzing properties (parser, normalizer, compile-and-match, steps per token; shared/.../*FuzzTest), which
# `make test` runs 1,000 times each, run FUZZ_TRIES times each.
FUZZ_TRIES ?= 100000
fuzz:
	scripts/deps.sh $(JAVA_PKGS)
	$(MVN) test -pl shared -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default=$(FUZZ_TRIES)

# The extension's type check (tsc over the JSDoc types), its Node tests (JVM/TeaVM parity, also on
# shared's generated corpus, the
# background on the real engine, Firefox ESR, reproducible zips, no import cycles) and web-ext lint;
# needs `mvn install` first (the built extension and the list tool).
test-extension:
	cd extension && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	cd extension && npx tsc -p tsconfig.json
	cd extension && node --test --test-concurrency=1 test/*.test.mjs
	cd extension && npx web-ext lint --source-dir target/firefox --warnings-as-errors

# The extension's benchmarks: the page (1,000 posts, extension on and off), the engine alone in Node,
# the campaign detector (fingerprint + lookup with 50,000 stored, saved size), what storage.local
# holds, the worst lists on posts made to be slow for them, per post against a 16 ms frame, and one
# post matched with the CPU's caches evicted (as the first post of each frame on the page runs).
bench-extension:
	cd extension && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	cd extension && WORKLOAD_DIR=$(CURDIR)/target/bench/workload node bench/engine-bench.mjs && node bench/campaign-bench.mjs && node bench/storage-bench.mjs && node bench/worst-list-bench.mjs && node bench/cold-match-bench.mjs && node bench/page-bench.mjs

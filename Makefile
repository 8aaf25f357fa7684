# Wedgewatch: `make run` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
MVN := mvn -B -q
JAR := backend/target/wedgewatch.jar
JAVA_PKGS := openjdk-17-jdk-headless maven
TEST_PKGS := $(JAVA_PKGS) chromium chromium-driver firefox-esr postgresql nodejs npm
BENCH_PKGS := $(TEST_PKGS) wrk nginx-light

.PHONY: run test bench eval build deps check-lists

deps:
	scripts/deps.sh $(TEST_PKGS)

build:
	scripts/deps.sh $(JAVA_PKGS)
	$(MVN) install -DskipTests

test: deps
	$(MVN) install
	java -jar $(JAR) check lists/*.txt

check-lists: build
	java -jar $(JAR) check lists/*.txt

eval: build
	java -jar $(JAR) eval
	java -jar $(JAR) clusters

bench: build
	scripts/deps.sh $(BENCH_PKGS)
	$(MVN) install -DskipTests -Pbench -pl shared,bench/engine
	mkdir -p target/bench
	java -jar bench/engine/target/engine-bench.jar | tee target/bench/engine.txt | grep -E '^(\||bench:|compile|generated)'
	bench/server/bench.sh | tee target/bench/server.txt

run: build
	scripts/run.sh

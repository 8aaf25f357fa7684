package org.wedgewatch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.wedgewatch.rules.Limits;
import org.wedgewatch.rules.ListCompiler;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.Matcher;
import org.wedgewatch.rules.ParseResult;
import org.wedgewatch.rules.PatternList;

/**
 * The engine benchmark: per-text latency of the compiled automaton at 10,000 and 100,000 rules,
 * against a java.util.regex alternation of the same phrases and a loop over rules, all measured in
 * this run. Prints a table and one `bench: engine ...` summary line.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBench {
    static final int TEXTS = 100_000;
    static final long SEED = 42;
    static final Limits BENCH_LIMITS = new Limits(100_000_000, 200_000, 2_000, 40, 5, 10_000, 2_000_000);

    @State(Scope.Thread)
    public static class Engine {
        @Param({"10000", "100000"})
        int rules;
        Matcher matcher;
        String[] texts;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            Workload w = new Workload(rules, TEXTS, SEED);
            matcher = compile(w.listText);
            texts = w.texts;
        }
    }

    @State(Scope.Thread)
    public static class Regex {
        Pattern pattern;
        String[] texts;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            Workload w = new Workload(10_000, 2_000, SEED);
            pattern = Baselines.regexAlternation(w.phrases);
            texts = w.texts;
        }
    }

    @State(Scope.Thread)
    public static class Loop {
        Baselines.RuleLoop loop;
        String[] texts;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            Workload w = new Workload(10_000, 2_000, SEED);
            loop = new Baselines.RuleLoop(w.rulePhrases);
            texts = w.texts;
        }
    }

    /**
     * The worst case: a small list the parser accepts, written to be slow (many gaps over one
     * word), on a 280-character post of that word repeated.
     */
    @State(Scope.Thread)
    public static class Worst {
        static final String LIST = "! Title: worst\n! Id: worst\n! Version: 1\nrule gaps\n  family: F\n  explain: x\n"
            + "  match: ab *5 ab *5 ab *5 ab *5 ab *5 ab\n";
        Matcher matcher;
        String post;

        @Setup(Level.Trial)
        public void setUp() {
            matcher = compile(LIST);
            post = "ab ".repeat(93) + "a";
        }
    }

    @Benchmark
    public int worstCase(Worst s) {
        return s.matcher.match(s.post).size();
    }

    @Benchmark
    public int engine(Engine s) {
        String text = s.texts[s.next++ % s.texts.length];
        return s.matcher.match(text).size();
    }

    @Benchmark
    public boolean regexAlternation(Regex s) {
        return s.pattern.matcher(s.texts[s.next++ % s.texts.length]).find();
    }

    @Benchmark
    public int loopOverRules(Loop s) {
        return s.loop.countMatchingRules(s.texts[s.next++ % s.texts.length]);
    }

    static Matcher compile(String listText) {
        ParseResult r = ListParser.parse(listText, BENCH_LIMITS);
        if (!r.ok()) throw new IllegalStateException("generated list has problems: " + r.problems().get(0));
        List<PatternList> lists = new ArrayList<>();
        lists.add(r.list());
        return ListCompiler.compile(lists);
    }

    public static void main(String[] args) throws Exception {
        Workload w10k = new Workload(10_000, 1_000, SEED);
        CompileFigures compile = CompileFigures.measure(w10k.listText);
        System.out.printf("generated list: 10,000 rules, %,d phrases, %,d bytes%n", w10k.phrases.size(), w10k.listText.length());

        Options opts = new OptionsBuilder()
            .include(EngineBench.class.getName())
            .forks(1)
            .warmupIterations(2).warmupTime(TimeValue.seconds(2))
            .measurementIterations(3).measurementTime(TimeValue.seconds(3))
            .jvmArgs("-Xmx4g")
            .build();
        Collection<RunResult> results = new Runner(opts).run();

        double[] e10 = percentiles(results, "engine", "10000");
        double[] e100 = percentiles(results, "engine", "100000");
        double[] regex = percentiles(results, "regexAlternation", null);
        double[] loop = percentiles(results, "loopOverRules", null);
        double[] worst = percentiles(results, "worstCase", null);

        System.out.println();
        System.out.println("| measure | p50 (us) | p99 (us) |");
        System.out.println("|---|---|---|");
        row("engine, 10,000 rules", e10);
        row("engine, 100,000 rules", e100);
        row("java.util.regex alternation, 10,000 rules", regex);
        row("loop over rules, 10,000 rules", loop);
        row("worst case: a list of gaps over one word, on a 280-character post of that word", worst);
        System.out.printf("compile 10,000 rules: %.1f ms (median of 5); compiled form %.2f MB (heap growth), automaton arrays %.2f MB%n",
            compile.millis, compile.heapBytes / 1e6, compile.arrayBytes / 1e6);
        System.out.printf("bench: engine compile_ms=%.1f memory_mb=%.2f p50_us=%.3f p99_us=%.3f p50_100k_us=%.3f p99_100k_us=%.3f"
                + " regex_p50_us=%.1f loop_p50_us=%.1f speedup_vs_regex=%.0f speedup_vs_loop=%.0f ratio_100k_vs_10k=%.2f"
                + " worst_p50_us=%.1f worst_p99_us=%.1f%n",
            compile.millis, compile.heapBytes / 1e6, e10[0], e10[1], e100[0], e100[1], regex[0], loop[0],
            regex[0] / e10[0], loop[0] / e10[0], e100[0] / e10[0], worst[0], worst[1]);
    }

    private static void row(String name, double[] p) {
        System.out.printf("| %s | %.3f | %.3f |%n", name, p[0], p[1]);
    }

    private static double[] percentiles(Collection<RunResult> results, String method, String rules) {
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            if (!label.endsWith("." + method)) continue;
            if (rules != null && !rules.equals(r.getParams().getParam("rules"))) continue;
            var stats = r.getPrimaryResult().getStatistics();
            return new double[] {stats.getPercentile(50), stats.getPercentile(99)};
        }
        throw new IllegalStateException("no result for " + method + " " + rules + " in " + Arrays.toString(results.toArray()));
    }

    /** Compile time (median of five after a warm-up) and memory of the compiled form. */
    static final class CompileFigures {
        double millis;
        long heapBytes;
        long arrayBytes;

        static CompileFigures measure(String listText) {
            CompileFigures f = new CompileFigures();
            ParseResult parsed = ListParser.parse(listText, BENCH_LIMITS);
            List<PatternList> lists = List.of(parsed.list());
            for (int i = 0; i < 3; i++) ListCompiler.compile(lists);
            double[] times = new double[5];
            for (int i = 0; i < times.length; i++) {
                long t0 = System.nanoTime();
                ListCompiler.compile(lists);
                times[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(times);
            f.millis = times[2];
            long before = usedHeap();
            Matcher kept = ListCompiler.compile(lists);
            f.heapBytes = usedHeap() - before;
            f.arrayBytes = kept.automatonBytes();
            if (kept.automatonNodes() == 0) throw new IllegalStateException("empty automaton");
            return f;
        }

        private static long usedHeap() {
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 4; i++) System.gc();
            return rt.totalMemory() - rt.freeMemory();
        }
    }
}

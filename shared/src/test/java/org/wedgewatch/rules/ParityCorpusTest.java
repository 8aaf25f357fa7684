package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Example;

/**
 * Writes generated lists and posts (the fuzzer's, {@link FuzzInputs}, from a fixed seed) with the
 * JVM engine's verdicts to {@link #FILE}: each list's problems as `check` reports them and, for a
 * list that parses, every match on each post. extension/test/fuzz-parity.test.mjs has the TeaVM
 * build judge the same inputs and expects the same answers, so the two engines are compared on
 * inputs no one wrote by hand. A jqwik example, since jqwik's generators run only on its threads.
 */
class ParityCorpusTest {
    static final Path FILE = Path.of("target", "fuzz-parity", "corpus.jsonl");
    private static final long SEED = 20261201L;

    @Example
    void writesGeneratedListsAndPostsWithTheJvmVerdicts() throws IOException {
        Random random = new Random(SEED);
        Files.createDirectories(FILE.getParent());
        int parsed = 0;
        int warned = 0;
        try (Writer out = Files.newBufferedWriter(FILE, StandardCharsets.UTF_8)) {
            List<String> lists = new ArrayList<>(sample(FuzzInputs.listShaped(), 300, random));
            lists.addAll(sample(FuzzInputs.wordLists(), 150, random));
            int slowFrom = lists.size();
            lists.addAll(sample(FuzzInputs.slowLists(), 80, random));
            for (int i = 0; i < lists.size(); i++) {
                String list = lists.get(i);
                boolean slow = i >= slowFrom;
                List<String> posts = new ArrayList<>(sample(slow ? FuzzInputs.slowPosts() : FuzzInputs.posts(), slow ? 3 : 6, random));
                posts.addAll(FuzzInputs.postsFor(list));
                StringBuilder line = new StringBuilder("{\"list\":").append(Json.string(list)).append(",\"problems\":[");
                List<Problem> problems = ListCheck.problems(list);
                for (int p = 0; p < problems.size(); p++) {
                    Problem pr = problems.get(p);
                    line.append(p == 0 ? "" : ",").append("{\"line\":").append(pr.line).append(",\"column\":").append(pr.column)
                        .append(",\"message\":").append(Json.string(pr.message)).append('}');
                }
                line.append("],\"posts\":[");
                ParseResult r = ListParser.parse(list);
                Matcher m = r.ok() ? ListCompiler.compile(List.of(r.list())) : null;
                if (m != null) parsed++;
                for (int p = 0; p < posts.size(); p++) {
                    line.append(p == 0 ? "" : ",").append("{\"text\":").append(Json.string(posts.get(p))).append(",\"matches\":");
                    if (m == null) {
                        line.append("null}");
                        continue;
                    }
                    List<Match> matches = m.match(posts.get(p));
                    if (!matches.isEmpty()) warned++;
                    line.append('[');
                    for (int k = 0; k < matches.size(); k++) {
                        Match x = matches.get(k);
                        line.append(k == 0 ? "" : ",").append("{\"list\":").append(Json.string(x.listId))
                            .append(",\"rule\":").append(Json.string(x.ruleId))
                            .append(",\"family\":").append(Json.string(x.family))
                            .append(",\"explanation\":").append(Json.string(x.explanation))
                            .append(",\"action\":").append(Json.string(x.action.id()))
                            .append(",\"span\":[").append(x.start).append(',').append(x.end).append("]}");
                    }
                    line.append("]}");
                }
                out.write(line.append("]}\n").toString());
            }
        }
        // A corpus where nothing parses or nothing warns would compare the engines on nothing.
        assertTrue(parsed >= 200, "lists that parse: " + parsed);
        assertTrue(warned >= 200, "posts that warn: " + warned);
    }

    private static List<String> sample(Arbitrary<String> arbitrary, int n, Random random) {
        RandomGenerator<String> generator = arbitrary.generator(1000);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(generator.next(random).value());
        return out;
    }

    /** JSON string literals with every non-ASCII code unit escaped, lone surrogates included. */
    private static final class Json {
        static String string(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') sb.append('\\').append(c);
                else if (c >= 0x20 && c < 0x7f) sb.append(c);
                else sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
            return sb.append('"').toString();
        }
    }
}

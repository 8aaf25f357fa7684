package org.wedgewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wedgewatch.rules.Match;
import org.wedgewatch.rules.Matcher;

/**
 * {@code eval FILE...}: a list against labelled posts. JSON Lines with {@code text}, {@code expect}
 * ("warn" or "pass") and {@code family}, or a CSV whose {@code label} column holds F1..F4 (warn) or
 * anything else (pass). One summary line per file on standard output; recall per warn family, false
 * alarms per pass family, and every miss and false alarm in {@code OUT/labelled.md}.
 */
final class LabelledEval {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledEval() {
    }

    record Post(String text, boolean warn, String family) {
    }

    static int run(List<Path> files, Matcher matcher, Path outDir, PrintStream out, PrintStream err) throws IOException {
        StringBuilder report = new StringBuilder("# Misses and false alarms\n\nQuotes the files it read: keep it out of the repository.\n");
        for (Path file : files) {
            List<Post> posts;
            try {
                posts = read(file);
            } catch (IOException | RuntimeException e) {
                err.println(file + ": " + e.getMessage());
                return 2;
            }
            if (posts.isEmpty()) {
                err.println(file + ": no labelled posts (JSON Lines with text and expect, or a CSV with text and label)");
                return 2;
            }
            summarize(file, posts, matcher, out, report);
        }
        Files.createDirectories(outDir);
        Path md = outDir.resolve("labelled.md");
        Files.writeString(md, report, StandardCharsets.UTF_8);
        out.println("misses and false alarms: " + md);
        return 0;
    }

    private static void summarize(Path file, List<Post> posts, Matcher matcher, PrintStream out, StringBuilder report) {
        Map<String, int[]> warnFamilies = new TreeMap<>(); // caught, total
        Map<String, int[]> passFamilies = new TreeMap<>(); // flagged, total
        int caught = 0;
        int warns = 0;
        int alarms = 0;
        int passes = 0;
        report.append("\n## ").append(file.getFileName()).append("\n\n");
        for (Post p : posts) {
            List<Match> found = matcher.match(p.text());
            boolean flagged = !found.isEmpty();
            int[] c = (p.warn() ? warnFamilies : passFamilies).computeIfAbsent(p.family(), k -> new int[2]);
            c[1]++;
            if (p.warn()) {
                warns++;
                if (flagged) {
                    caught++;
                    c[0]++;
                } else {
                    report.append("- MISS [").append(p.family()).append("] ").append(oneLine(p.text())).append('\n');
                }
            } else {
                passes++;
                if (flagged) {
                    alarms++;
                    c[0]++;
                    report.append("- FALSE ALARM [").append(p.family()).append("] `").append(found.get(0).ruleId).append("` ")
                            .append(oneLine(p.text())).append('\n');
                }
            }
        }
        int[] reported = passFamilies.getOrDefault("reported", new int[2]);
        out.printf("%s: recall %s (%d/%d), false alarms %s (%d/%d), reported speech flagged %d/%d%n", file.getFileName(),
                ratio(caught, warns), caught, warns, percent(alarms, passes), alarms, passes, reported[0], reported[1]);
        for (Map.Entry<String, int[]> e : warnFamilies.entrySet()) {
            out.printf("  warn %-16s caught %d/%d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        for (Map.Entry<String, int[]> e : passFamilies.entrySet()) {
            out.printf("  pass %-16s flagged %d/%d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
    }

    static List<Post> read(Path file) throws IOException {
        return file.toString().endsWith(".csv") ? readCsv(file) : readJsonl(file);
    }

    private static List<Post> readJsonl(Path file) throws IOException {
        List<Post> posts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode node = JSON.readTree(line);
                String expect = node.path("expect").asText();
                if (!expect.equals("warn") && !expect.equals("pass")) {
                    throw new IOException("line " + n + ": \"expect\" must be \"warn\" or \"pass\", not \"" + expect + "\"");
                }
                posts.add(new Post(node.path("text").asText(), expect.equals("warn"), node.path("family").asText("")));
            }
        }
        return posts;
    }

    private static List<Post> readCsv(Path file) throws IOException {
        List<EvalCommand.Item> items = EvalCommand.readCsv(file);
        List<Post> posts = new ArrayList<>();
        if (items == null) return posts;
        for (EvalCommand.Item item : items) {
            String label = item.label();
            posts.add(new Post(item.text(), label.matches("F[1-4]"), label));
        }
        return posts;
    }

    private static String ratio(int num, int den) {
        return den == 0 ? "n/a" : String.format("%.2f", (double) num / den);
    }

    private static String percent(int num, int den) {
        return den == 0 ? "n/a" : String.format("%.1f%%", 100.0 * num / den);
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}

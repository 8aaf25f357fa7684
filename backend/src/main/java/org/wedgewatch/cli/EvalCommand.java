package org.wedgewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wedgewatch.rules.ListCompiler;
import org.wedgewatch.rules.Match;
import org.wedgewatch.rules.Matcher;

/**
 * {@code eval [--list FILE] [--shared DIR] [--out DIR]}, with no labelled files named: runs a list over the measuring corpora
 * ({@code shared/corpora/*.csv}) and the fixtures ({@code shared/fixtures/*.texts.jsonl}), prints
 * how many texts each file and family flags, precision and recall against the hand labels, and
 * writes every flagged text to a report to read by eye. Exit 1 when a fixture gets the wrong verdict.
 */
public final class EvalCommand {
    /** The corpus whose "label" column holds tweet-level hand labels F1..F4, R, N. */
    static final String LABELLED = "ira_lefttroll_labeled_dev.csv";
    static final String[] FAMILIES = {"F1", "F2", "F3", "F4"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalCommand() {
    }

    /** One text to judge, with the label or expected verdict its file gives it (may be empty). */
    record Item(String text, String label) {
    }

    /** The verdict on one file: which items were flagged and by which rules. */
    static final class FileResult {
        final String name;
        final List<Item> items = new ArrayList<>();
        final List<List<Match>> matches = new ArrayList<>();
        final Map<String, Integer> byFamily = new TreeMap<>();
        int flagged;

        FileResult(String name) {
            this.name = name;
        }

        void add(Item item, List<Match> found) {
            items.add(item);
            matches.add(found);
            if (found.isEmpty()) return;
            flagged++;
            for (String f : families(found)) byFamily.merge(f, 1, Integer::sum);
        }
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Path list = Path.of("lists/coalition-defense.txt");
        Path shared = Path.of("../shared");
        Path outDir = Path.of("target/eval");
        List<Path> labelled = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (i + 1 < args.length && args[i].equals("--list")) {
                list = Path.of(args[++i]);
            } else if (i + 1 < args.length && args[i].equals("--shared")) {
                shared = Path.of(args[++i]);
            } else if (i + 1 < args.length && args[i].equals("--out")) {
                outDir = Path.of(args[++i]);
            } else if (!args[i].startsWith("--")) {
                labelled.add(Path.of(args[i]));
            } else {
                err.println("usage: eval [--list FILE] [--shared DIR] [--out DIR] [LABELLED.jsonl|LABELLED.csv ...]");
                return 2;
            }
        }
        Matcher matcher;
        try {
            matcher = ListCompiler.compile(Collections.singletonList(ListFiles.load(list)));
        } catch (IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!labelled.isEmpty()) return LabelledEval.run(labelled, matcher, outDir, out, err);
        List<FileResult> results = new ArrayList<>();
        for (Path csv : files(shared.resolve("corpora"), "*.csv")) {
            List<Item> items = readCsv(csv);
            if (items != null) results.add(judge(csv.getFileName().toString(), items, matcher));
        }
        int wrongFixtures = 0;
        List<String> wrong = new ArrayList<>();
        for (Path jsonl : files(shared.resolve("fixtures"), "*.texts.jsonl")) {
            FileResult r = judge(jsonl.getFileName().toString(), readJsonl(jsonl), matcher);
            results.add(r);
            for (int i = 0; i < r.items.size(); i++) {
                String got = r.matches.get(i).isEmpty() ? "pass" : "warn";
                if (!got.equals(r.items.get(i).label())) {
                    wrongFixtures++;
                    wrong.add(r.name + ":" + (i + 1) + ": expected " + r.items.get(i).label() + ", got " + got);
                }
            }
        }
        if (results.isEmpty()) {
            err.println("no corpora or fixtures found under " + shared.toAbsolutePath().normalize());
            return 2;
        }
        printCounts(results, out);
        for (FileResult r : results) {
            if (r.name.equals(LABELLED)) printPrecisionRecall(r, out);
        }
        for (String w : wrong) out.println("WRONG " + w);
        Files.createDirectories(outDir);
        Path report = outDir.resolve("report.md");
        Files.writeString(report, report(results), StandardCharsets.UTF_8);
        out.println("report: " + report);
        if (wrongFixtures > 0) err.println(wrongFixtures + " fixture text(s) got the wrong verdict");
        return wrongFixtures > 0 ? 1 : 0;
    }

    static FileResult judge(String name, List<Item> items, Matcher matcher) {
        FileResult r = new FileResult(name);
        for (Item item : items) r.add(item, matcher.match(item.text()));
        return r;
    }

    /** The files in {@code dir} matching {@code glob}, sorted; none when the folder is missing. */
    private static List<Path> files(Path dir, String glob) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
            for (Path p : ds) out.add(p);
        }
        Collections.sort(out);
        return out;
    }

    /** The rows of a CSV with a "text" column, or null when it has none (a table of patterns). */
    static List<Item> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(in);
            List<String> header = csv.next();
            if (header == null) return null;
            int text = header.indexOf("text");
            int label = header.indexOf("label");
            if (text < 0) return null;
            List<Item> items = new ArrayList<>();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() <= text) continue; // a blank line
                items.add(new Item(row.get(text), label >= 0 && label < row.size() ? row.get(label) : ""));
            }
            return items;
        }
    }

    /** Fixture lines: {"text": ..., "expect": "warn"|"pass"}. */
    static List<Item> readJsonl(Path file) throws IOException {
        List<Item> items = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode node = JSON.readTree(line);
                items.add(new Item(node.path("text").asText(), node.path("expect").asText()));
            }
        }
        return items;
    }

    /** The family codes ("F1") of the rules that fired; a family is named by its first word. */
    static List<String> families(List<Match> matches) {
        List<String> out = new ArrayList<>();
        for (Match m : matches) {
            String f = familyCode(m.family);
            if (!out.contains(f)) out.add(f);
        }
        return out;
    }

    static String familyCode(String family) {
        int space = family.indexOf(' ');
        return space < 0 ? family : family.substring(0, space);
    }

    private static void printCounts(List<FileResult> results, PrintStream out) {
        out.printf("%-52s %7s %7s  %s%n", "file", "texts", "flagged", "by family");
        for (FileResult r : results) {
            out.printf("%-52s %7d %7d  %s%n", r.name, r.items.size(), r.flagged, r.byFamily);
        }
    }

    /** Per family: a flag is right when the hand label is that family; a miss is a label not flagged so. */
    private static void printPrecisionRecall(FileResult r, PrintStream out) {
        out.println();
        out.println("precision / recall against the hand labels of " + r.name);
        for (String family : FAMILIES) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < r.items.size(); i++) {
                boolean flagged = families(r.matches.get(i)).contains(family);
                boolean labelled = r.items.get(i).label().equals(family);
                if (flagged && labelled) tp++;
                else if (flagged) fp++;
                else if (labelled) fn++;
            }
            out.printf("  %s  flagged %3d  right %3d  labelled %3d  precision %s  recall %s%n",
                    family, tp + fp, tp, tp + fn, ratio(tp, tp + fp), ratio(tp, tp + fn));
        }
        int tp = 0;
        int flagged = 0;
        int smears = 0;
        for (int i = 0; i < r.items.size(); i++) {
            boolean isSmear = r.items.get(i).label().matches("F[1-4]");
            boolean isFlagged = !r.matches.get(i).isEmpty();
            if (isSmear) smears++;
            if (isFlagged) flagged++;
            if (isFlagged && isSmear) tp++;
        }
        out.printf("  any   flagged %3d  right %3d  labelled %3d  precision %s  recall %s  (family ignored)%n",
                flagged, tp, smears, ratio(tp, flagged), ratio(tp, smears));
    }

    private static String ratio(int num, int den) {
        return den == 0 ? "  n/a" : String.format("%5.2f", (double) num / den);
    }

    /** Markdown, one section per file: every flagged text with its rules, to read by eye. */
    static String report(List<FileResult> results) {
        StringBuilder sb = new StringBuilder("# Wedgewatch eval report\n\n");
        sb.append("Generated by `make eval`. Quotes corpus texts: keep this file out of the repository.\n");
        for (FileResult r : results) {
            sb.append("\n## ").append(r.name).append(" (").append(r.flagged).append(" of ")
                    .append(r.items.size()).append(" flagged)\n\n");
            for (int i = 0; i < r.items.size(); i++) {
                List<Match> ms = r.matches.get(i);
                if (ms.isEmpty()) continue;
                sb.append("- ");
                for (Match m : ms) sb.append('`').append(m.ruleId).append("` ");
                String label = r.items.get(i).label();
                if (!label.isEmpty()) sb.append("[").append(label).append("] ");
                sb.append(oneLine(r.items.get(i).text())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}

package org.wedgewatch.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.wedgewatch.campaign.CampaignIndex;
import org.wedgewatch.campaign.Fingerprint;
import org.wedgewatch.campaign.Fingerprinter;

/**
 * {@code clusters [DIR] [--top N]}: runs the campaign detector over every corpus CSV, as if one
 * reader had scrolled past all of it with no window and no capacity limit, and prints the largest
 * near-duplicate clusters so a person can judge whether they are copy-paste campaigns. Texts seen
 * in several files count once. The report also goes to {@code target/eval/clusters.txt}.
 */
public final class ClustersCommand {
    private static final Path DEFAULT_DIR = Path.of("..", "shared", "corpora");
    private static final Path REPORT = Path.of("target", "eval", "clusters.txt");

    private ClustersCommand() {
    }

    /** One distinct text from the corpora. */
    private record Post(String text, String file, String label, String author, int copies) {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = DEFAULT_DIR;
        int top = 25;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--top") && i + 1 < args.length) top = Integer.parseInt(args[++i]);
            else dir = Path.of(args[i]);
        }
        List<Post> posts;
        try {
            posts = load(dir);
        } catch (IOException e) {
            err.println("clusters: cannot read " + dir + ": " + e.getMessage());
            return 1;
        }
        if (posts.isEmpty()) {
            err.println("clusters: no CSV files in " + dir);
            return 1;
        }
        Clusters clusters = cluster(posts);
        out.print(format(posts, clusters, top, 0));
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, format(posts, clusters, top, 5), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("clusters: cannot write " + REPORT + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static List<Post> load(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.csv")) {
            for (Path p : ds) files.add(p);
        }
        files.sort(null);
        List<Post> posts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path file : files) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                CsvReader csv = new CsvReader(in);
                List<String> header = csv.next();
                int text = header == null ? -1 : header.indexOf("text");
                if (text < 0) continue; // seed_patterns_with_sources.csv holds patterns, not posts
                int label = header.indexOf("label");
                int author = header.indexOf("author");
                int copies = header.indexOf("n_copies_in_category");
                String name = file.getFileName().toString();
                List<String> row;
                while ((row = csv.next()) != null) {
                    String t = field(row, text);
                    if (t.isEmpty() || !seen.add(t)) continue;
                    posts.add(new Post(t, name, field(row, label), field(row, author), parseCopies(field(row, copies))));
                }
            }
        }
        return posts;
    }

    private static String field(List<String> row, int column) {
        return column >= 0 && column < row.size() ? row.get(column) : "";
    }

    private static int parseCopies(String s) {
        try {
            return s.isEmpty() ? 1 : Math.max(1, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Posts grouped by the detector, largest group first, with the counts the summary needs. */
    private record Clusters(List<List<Integer>> groups, int[] accounts, int fingerprinted) {
    }

    private static Clusters cluster(List<Post> posts) {
        CampaignIndex index = new CampaignIndex(posts.size(), Long.MAX_VALUE / 4);
        Map<Integer, List<Integer>> members = new HashMap<>();
        int fingerprinted = 0;
        Fingerprinter fingerprinter = new Fingerprinter();
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            Fingerprint fp = fingerprinter.of(p.text());
            if (fp == null) continue;
            fingerprinted++;
            // Files without an author column: every row stands for its own account.
            String account = p.author().isEmpty() ? p.file() + "#" + i : p.author();
            // Without eviction cluster ids are stable, so they can key the members here.
            int c = index.observe(fp, account, 0L, "row" + i);
            members.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
        }
        List<Integer> ids = new ArrayList<>(members.keySet());
        ids.sort((a, b) -> {
            int bySize = Integer.compare(members.get(b).size(), members.get(a).size());
            return bySize != 0 ? bySize : Integer.compare(members.get(a).get(0), members.get(b).get(0));
        });
        List<List<Integer>> groups = new ArrayList<>();
        int[] accounts = new int[ids.size()];
        for (int k = 0; k < ids.size(); k++) {
            groups.add(members.get(ids.get(k)));
            accounts[k] = index.distinctAccounts(ids.get(k));
        }
        return new Clusters(groups, accounts, fingerprinted);
    }

    /** The summary and the top clusters, each followed by up to {@code variants} more of its texts. */
    private static String format(List<Post> posts, Clusters clusters, int top, int variants) {
        List<List<Integer>> groups = clusters.groups();
        int multi = 0;
        int multiPosts = 0;
        int threeAccounts = 0;
        for (int k = 0; k < groups.size(); k++) {
            if (groups.get(k).size() > 1) {
                multi++;
                multiPosts += groups.get(k).size();
            }
            if (clusters.accounts()[k] >= 3) threeAccounts++;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("campaign clusters: ").append(posts.size()).append(" distinct texts, ").append(clusters.fingerprinted())
            .append(" with a fingerprint (").append(posts.size() - clusters.fingerprinted())
            .append(" too short or generic), ").append(groups.size()).append(" wordings, ").append(multi)
            .append(" near-duplicate clusters holding ").append(multiPosts).append(" texts, ").append(threeAccounts)
            .append(" seen from >= 3 accounts\n");
        sb.append(String.format("%5s %7s %7s  %-40s %s%n", "texts", "authors", "copies", "labels", "sample (first text)"));
        for (int k = 0; k < Math.min(top, groups.size()); k++) {
            List<Integer> rows = groups.get(k);
            if (rows.size() < 2) break;
            int copies = 0;
            Set<String> authors = new HashSet<>();
            Set<String> labels = new TreeSet<>();
            for (int i : rows) {
                Post p = posts.get(i);
                copies += p.copies();
                if (!p.author().isEmpty()) authors.add(p.author());
                labels.add(p.label().replace("IRA_", ""));
            }
            sb.append(String.format("%5d %7s %7d  %-40s %s%n", rows.size(), authors.isEmpty() ? "-" : authors.size(),
                copies, truncate(String.join(",", labels), 40), truncate(oneLine(posts.get(rows.get(0)).text()), 90)));
            for (int v = 1; v <= Math.min(variants, rows.size() - 1); v++) {
                Post p = posts.get(rows.get(v));
                sb.append(String.format("%5s %7s %7s  %-40s %s%n", "", "", "", "  " + truncate(p.author(), 38),
                    truncate(oneLine(p.text()), 90)));
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

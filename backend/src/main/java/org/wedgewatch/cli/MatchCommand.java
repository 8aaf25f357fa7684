package org.wedgewatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wedgewatch.rules.ListCompiler;
import org.wedgewatch.rules.Match;
import org.wedgewatch.rules.Matcher;
import org.wedgewatch.rules.PatternList;

/**
 * {@code match --list FILE...}: one JSON line out per line in. Input lines are JSON objects with a
 * "text" field (other fields are kept) or plain text. Streams: one line in memory at a time.
 */
public final class MatchCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MatchCommand() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        List<PatternList> lists = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--list") && i + 1 < args.length) {
                try {
                    lists.add(ListFiles.load(Path.of(args[++i])));
                } catch (IOException e) {
                    err.println(e.getMessage());
                    return 2;
                }
            } else {
                err.println("usage: match --list FILE [--list FILE]...   (reads stdin, writes JSON Lines)");
                return 2;
            }
        }
        if (lists.isEmpty()) {
            err.println("usage: match --list FILE [--list FILE]...   (give at least one list)");
            return 2;
        }
        Matcher matcher = ListCompiler.compile(lists);
        boolean progress = System.console() != null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int lineNo = 0;
        int bad = 0;
        int warned = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            ObjectNode record = record(line, lineNo, err);
            if (record == null) {
                bad++;
                continue;
            }
            List<Match> matches = matcher.match(record.get("text").asText());
            if (!matches.isEmpty()) warned++;
            writer.write(JSON.writeValueAsString(judged(record, matches)));
            writer.write('\n');
            if (progress && lineNo % 1000 == 0) err.print("\r" + lineNo + " lines, " + warned + " warned");
        }
        writer.flush();
        if (progress) err.println("\r" + lineNo + " lines, " + warned + " warned");
        return bad > 0 ? 1 : 0;
    }

    /** The input as an object with a text field, or null after naming the problem on stderr. */
    private static ObjectNode record(String line, int lineNo, PrintStream err) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("{")) {
            ObjectNode o = JSON.createObjectNode();
            o.put("text", line);
            return o;
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            if (!(node instanceof ObjectNode) || !node.path("text").isTextual()) {
                err.println("stdin:" + lineNo + ": the object has no \"text\" string field");
                return null;
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            err.println("stdin:" + lineNo + ": bad JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    /** The record plus "verdict" and "matches", in the shape the browser engine's CLI prints too. */
    static ObjectNode judged(ObjectNode record, List<Match> matches) {
        record.put("verdict", matches.isEmpty() ? "pass" : "warn");
        ArrayNode arr = record.putArray("matches");
        for (Match m : matches) {
            ObjectNode o = arr.addObject();
            o.put("list", m.listId);
            o.put("rule", m.ruleId);
            o.put("family", m.family);
            o.put("explanation", m.explanation);
            o.put("action", m.action.id());
            o.putArray("span").add(m.start).add(m.end);
        }
        return record;
    }
}

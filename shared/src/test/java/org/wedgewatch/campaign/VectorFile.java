package org.wedgewatch.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads campaign-vectors.jsonl: one {"a": ..., "b": ..., "same": ...} object per line. The JS
 * build runs the same file, so its lines stay this flat (strings and one boolean).
 */
final class VectorFile {
    record Vector(int line, String a, String b, boolean same) {
    }

    static List<Vector> load() throws IOException {
        List<Vector> out = new ArrayList<>();
        try (InputStream in = VectorFile.class.getResourceAsStream("/campaign-vectors.jsonl");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                out.add(new Vector(n, string(line, "a"), string(line, "b"), line.contains("\"same\": true")));
            }
        }
        return out;
    }

    /** The string value of {@code key} in a flat JSON object. */
    private static String string(String json, String key) {
        int i = json.indexOf("\"" + key + "\": \"");
        if (i < 0) throw new IllegalArgumentException("no key " + key + " in " + json);
        i += key.length() + 5;
        StringBuilder sb = new StringBuilder();
        while (json.charAt(i) != '"') {
            char c = json.charAt(i++);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = json.charAt(i++);
            switch (e) {
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case 'u': sb.append((char) Integer.parseInt(json.substring(i, i + 4), 16)); i += 4; break;
                default: sb.append(e);
            }
        }
        return sb.toString();
    }
}

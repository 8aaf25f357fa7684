package org.wedgewatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An RFC 4180 CSV file read whole: quoted fields may hold commas, doubled quotes and newlines. */
final class CorpusCsv {
    private final Map<String, Integer> columns = new HashMap<>();
    final List<String[]> rows;

    private CorpusCsv(List<String[]> records) {
        String[] header = records.isEmpty() ? new String[0] : records.get(0);
        for (int i = 0; i < header.length; i++) columns.put(header[i], i);
        rows = records.isEmpty() ? List.of() : records.subList(1, records.size());
    }

    static CorpusCsv read(Path file) throws IOException {
        return new CorpusCsv(parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** The column's index, or -1 when the file has no such column. */
    int column(String name) {
        return columns.getOrDefault(name, -1);
    }

    static String field(String[] row, int column) {
        return column >= 0 && column < row.length ? row[column] : "";
    }

    static List<String[]> parse(String text) {
        List<String[]> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int n = text.length();
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < n && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields.toArray(new String[0]));
                fields.clear();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields.toArray(new String[0]));
        }
        return records;
    }
}

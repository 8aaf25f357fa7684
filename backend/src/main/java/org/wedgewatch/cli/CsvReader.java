package org.wedgewatch.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: fields may be quoted, a quoted field may hold commas,
 * CR/LF and doubled quotes (""). Tweets carry all three, so splitting on lines is not enough.
 */
public final class CsvReader {
    private final Reader in;
    private int peeked = -2; // -2: nothing peeked yet

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record's fields, or null at the end of the input. */
    public List<String> next() throws IOException {
        if (peek() < 0) return null;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = read();
            if (c < 0) {
                fields.add(field.toString());
                return fields;
            }
            if (c == '"' && field.length() == 0) {
                readQuoted(field);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && peek() == '\n') read();
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    /** Reads up to the closing quote; "" inside stands for one quote. */
    private void readQuoted(StringBuilder field) throws IOException {
        while (true) {
            int c = read();
            if (c < 0) return; // unterminated: keep what there is rather than lose the record
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    field.append('"');
                } else {
                    return;
                }
            } else {
                field.append((char) c);
            }
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) peeked = in.read();
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        return c;
    }
}

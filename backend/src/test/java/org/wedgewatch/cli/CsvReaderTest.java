package org.wedgewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    @Test
    void quotedFieldsHoldCommasNewlinesAndDoubledQuotes() throws Exception {
        CsvReader csv = new CsvReader(new StringReader(
                "text,label\r\n\"one, two\",A\r\n\"line\nbreak \"\"quoted\"\"\",B\nplain,\n"));
        assertEquals(List.of("text", "label"), csv.next());
        assertEquals(List.of("one, two", "A"), csv.next());
        assertEquals(List.of("line\nbreak \"quoted\"", "B"), csv.next());
        assertEquals(List.of("plain", ""), csv.next());
        assertNull(csv.next());
    }

    @Test
    void theLastRecordNeedsNoNewline() throws Exception {
        CsvReader csv = new CsvReader(new StringReader("a,\"b\""));
        assertEquals(List.of("a", "b"), csv.next());
        assertNull(csv.next());
    }

    @Test
    void anEmptyQuotedFieldIsEmpty() throws Exception {
        CsvReader csv = new CsvReader(new StringReader("\"\",x\n"));
        assertEquals(List.of("", "x"), csv.next());
    }
}

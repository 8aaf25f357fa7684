package org.wedgewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int code, List<JsonNode> lines, String err) {
    }

    private static Run run(String stdin) throws Exception {
        TestFiles.Captured out = new TestFiles.Captured();
        TestFiles.Captured err = new TestFiles.Captured();
        int code = MatchCommand.run(new String[] {"--list", TestFiles.defaultList().toString()},
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out.stream, err.stream);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.text().split("\n")) {
            if (!l.isBlank()) lines.add(JSON.readTree(l));
        }
        return new Run(code, lines, err.text());
    }

    @Test
    void jsonLinesKeepTheirOtherFields() throws Exception {
        Run r = run("{\"id\": 7, \"text\": \"Progressives are the real racists.\", \"source\": \"x\"}\n"
                + "{\"id\": 8, \"text\": \"Phone bank at six.\"}\n");
        assertEquals(0, r.code, r.err);
        assertEquals(2, r.lines.size());
        JsonNode first = r.lines.get(0);
        assertEquals(7, first.get("id").asInt());
        assertEquals("x", first.get("source").asText());
        assertEquals("warn", first.get("verdict").asText());
        assertEquals("real-racists", first.get("matches").get(0).get("rule").asText());
        assertEquals("coalition-defense", first.get("matches").get(0).get("list").asText());
        assertEquals("blur", first.get("matches").get(0).get("action").asText());
        assertEquals(8, r.lines.get(1).get("id").asInt());
        assertEquals("pass", r.lines.get(1).get("verdict").asText());
        assertEquals(0, r.lines.get(1).get("matches").size());
    }

    @Test
    void plainTextLinesAreJudgedToo() throws Exception {
        Run r = run("Sandernistas cost us the election.\nSee you at the meeting.\n");
        assertEquals(0, r.code, r.err);
        assertEquals("Sandernistas cost us the election.", r.lines.get(0).get("text").asText());
        assertEquals("warn", r.lines.get(0).get("verdict").asText());
        assertEquals("pass", r.lines.get(1).get("verdict").asText());
    }

    @Test
    void theSpanPointsAtTheSmear() throws Exception {
        String text = "Well. Democrats are in the pocket of Moscow";
        Run r = run(text + "\n");
        JsonNode span = r.lines.get(0).get("matches").get(0).get("span");
        assertEquals("Democrats are in the pocket of Moscow", text.substring(span.get(0).asInt(), span.get(1).asInt()));
    }

    @Test
    void aBadJsonLineIsReportedByNumberAndTheRestStillProcessed() throws Exception {
        Run r = run("{\"text\": \"Leftists are the real racists\"}\n{\"text\": broken\n{\"text\": \"Hello\"}\n");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("stdin:2:"), r.err);
        assertEquals(2, r.lines.size());
        assertEquals("warn", r.lines.get(0).get("verdict").asText());
        assertEquals("Hello", r.lines.get(1).get("text").asText());
    }

    @Test
    void anObjectWithoutTextIsReportedByNumber() throws Exception {
        Run r = run("{\"body\": \"no text field\"}\nplain line\n");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("stdin:1:"), r.err);
        assertEquals(1, r.lines.size());
    }
}

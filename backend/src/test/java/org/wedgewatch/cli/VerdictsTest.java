package org.wedgewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.wedgewatch.rules.ListCompiler;
import org.wedgewatch.rules.Match;
import org.wedgewatch.rules.Matcher;

/**
 * Texts with an expected verdict under the default list: the fixture texts from the X home
 * timeline, and the shared test vectors that the JavaScript build must judge the same way.
 */
class VerdictsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Matcher matcher;

    private static synchronized Matcher matcher() throws Exception {
        if (matcher == null) {
            matcher = ListCompiler.compile(Collections.singletonList(ListFiles.load(TestFiles.defaultList())));
        }
        return matcher;
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureTextGetsItsExpectedVerdict() throws Exception {
        Path fixture = TestFiles.shared().resolve("fixtures/x-home-timeline.texts.jsonl");
        assertTrue(Files.exists(fixture), "clone the repository next to shared/: " + fixture);
        return verdicts(fixture);
    }

    @TestFactory
    Stream<DynamicTest> everyVectorGetsItsExpectedVerdict() throws Exception {
        return verdicts(TestFiles.vectors());
    }

    @Test
    void theVectorsAreManyAndCoverEveryFamilyAndBothVerdicts() throws Exception {
        List<JsonNode> vectors = read(TestFiles.vectors());
        assertTrue(vectors.size() >= 150, "only " + vectors.size() + " vectors");
        List<String> families = new ArrayList<>();
        int pass = 0;
        for (JsonNode v : vectors) {
            assertTrue(v.path("note").isTextual() && !v.path("note").asText().isBlank(), "a vector without a note: " + v);
            String expect = v.path("expect").asText();
            assertTrue(expect.equals("warn") || expect.equals("pass"), "bad expect: " + v);
            if (expect.equals("pass")) pass++;
            for (Match m : matcher().match(v.path("text").asText())) {
                String f = EvalCommand.familyCode(m.family);
                if (!families.contains(f)) families.add(f);
            }
        }
        for (String f : EvalCommand.FAMILIES) assertTrue(families.contains(f), "no vector warns for " + f);
        assertTrue(pass >= 50, "only " + pass + " pass vectors");
    }

    private Stream<DynamicTest> verdicts(Path file) throws Exception {
        Matcher m = matcher();
        List<JsonNode> lines = read(file);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode v = lines.get(i);
            String text = v.path("text").asText();
            String expect = v.path("expect").asText();
            tests.add(DynamicTest.dynamicTest(file.getFileName() + ":" + (i + 1) + " " + expect, () -> {
                List<Match> found = m.match(text);
                assertEquals(expect, found.isEmpty() ? "pass" : "warn", () -> text + " -> " + found);
            }));
        }
        return tests.stream();
    }

    private static List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) out.add(JSON.readTree(line));
        }
        return out;
    }
}

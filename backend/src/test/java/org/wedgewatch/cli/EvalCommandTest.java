package org.wedgewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    @TempDir
    Path dir;

    private Path shared(String fixture) throws Exception {
        Path corpora = Files.createDirectories(dir.resolve("shared/corpora"));
        Path fixtures = Files.createDirectories(dir.resolve("shared/fixtures"));
        Files.writeString(corpora.resolve(EvalCommand.LABELLED), String.join("\n",
                "key,label,text",
                "a,F2,\"Liberals are the real racists, sure\"",
                "b,N,\"Canvass at ten,\nbring water\"",
                "c,F1,Sandernistas cost us the election",
                "d,F4,something the list misses",
                ""), StandardCharsets.UTF_8);
        Files.writeString(fixtures.resolve("t.texts.jsonl"), fixture, StandardCharsets.UTF_8);
        return dir.resolve("shared");
    }

    private int run(Path shared, TestFiles.Captured out) throws Exception {
        return EvalCommand.run(new String[] {"--list", TestFiles.defaultList().toString(), "--shared", shared.toString(),
            "--out", dir.resolve("out").toString()}, out.stream, new TestFiles.Captured().stream);
    }

    @Test
    void countsFlagsPerFileAndFamilyAndMeasuresTheLabels() throws Exception {
        Path shared = shared("{\"text\": \"Progressives are the real racists\", \"expect\": \"warn\"}\n");
        TestFiles.Captured out = new TestFiles.Captured();
        assertEquals(0, run(shared, out), out.text());
        String o = out.text();
        assertTrue(o.matches("(?s).*" + EvalCommand.LABELLED + " +4 +2 +\\{F1=1, F2=1\\}.*"), o);
        assertTrue(o.matches("(?s).*F2 +flagged +1 +right +1 +labelled +1 +precision +1\\.00 +recall +1\\.00.*"), o);
        assertTrue(o.matches("(?s).*F4 +flagged +0 +right +0 +labelled +1 +precision +n/a +recall +0\\.00.*"), o);
        String report = Files.readString(dir.resolve("out/report.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("`real-racists` "), report);
        assertTrue(report.contains("[F2] Liberals are the real racists, sure"), report);
        assertTrue(report.contains("`cost-us-the-election` "), report);
    }

    @Test
    void aFixtureWithTheWrongVerdictFailsTheRun() throws Exception {
        Path shared = shared("{\"text\": \"Phone bank at six\", \"expect\": \"warn\"}\n");
        TestFiles.Captured out = new TestFiles.Captured();
        assertEquals(1, run(shared, out));
        assertTrue(out.text().contains("WRONG t.texts.jsonl:1: expected warn, got pass"), out.text());
    }
}

package org.wedgewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledEvalTest {
    @TempDir
    Path dir;

    private int eval(Path file, TestFiles.Captured out, TestFiles.Captured err) throws Exception {
        return EvalCommand.run(new String[] {"--list", TestFiles.defaultList().toString(), "--out", dir.resolve("out").toString(),
            file.toString()}, out.stream, err.stream);
    }

    @Test
    void summarizesRecallFalseAlarmsAndReportedSpeechAndListsEveryMiss() throws Exception {
        Path posts = dir.resolve("posts.jsonl");
        Files.writeString(posts, String.join("\n",
                "{\"text\": \"Progressives are the real racists.\", \"expect\": \"warn\", \"family\": \"real-racists\"}",
                "{\"text\": \"A word the list has never seen.\", \"expect\": \"warn\", \"family\": \"lost-election\"}",
                "{\"text\": \"Stop sharing memes that say progressives are the real racists.\", \"expect\": \"pass\", \"family\": \"reported\"}",
                "{\"text\": \"Phone bank at six.\", \"expect\": \"pass\", \"family\": \"unrelated\"}",
                ""), StandardCharsets.UTF_8);
        TestFiles.Captured out = new TestFiles.Captured();
        assertEquals(0, eval(posts, out, new TestFiles.Captured()), out.text());
        assertTrue(out.text().contains("posts.jsonl: recall 0.50 (1/2), false alarms 0.0% (0/2), reported speech flagged 0/1"), out.text());
        assertTrue(out.text().matches("(?s).*warn lost-election +caught 0/1.*"), out.text());
        String misses = Files.readString(dir.resolve("out/labelled.md"), StandardCharsets.UTF_8);
        assertTrue(misses.contains("- MISS [lost-election] A word the list has never seen."), misses);
    }

    @Test
    void aLineWithoutAnExpectedVerdictIsAnErrorNamingTheLine() throws Exception {
        Path posts = dir.resolve("bad.jsonl");
        Files.writeString(posts, "{\"text\": \"x\", \"expect\": \"warn\"}\n{\"text\": \"y\", \"expect\": \"maybe\"}\n", StandardCharsets.UTF_8);
        TestFiles.Captured err = new TestFiles.Captured();
        assertEquals(2, eval(posts, new TestFiles.Captured(), err));
        assertTrue(err.text().contains("line 2: \"expect\" must be \"warn\" or \"pass\""), err.text());
    }

    @Test
    void explainNamesTheRuleTheCancellingCueAndTheNearestMiss() throws Exception {
        String list = TestFiles.defaultList().toString();
        TestFiles.Captured out = new TestFiles.Captured();
        assertEquals(0, ExplainCommand.run(new String[] {"--list", list, "Progressives are the real racists."}, System.in, out.stream,
                new TestFiles.Captured().stream));
        assertTrue(out.text().contains("verdict: warn"), out.text());
        assertTrue(out.text().contains("matched: coalition-defense/"), out.text());

        out = new TestFiles.Captured();
        ExplainCommand.run(new String[] {"--list", list, "The lie that progressives are the real racists has to stop."}, System.in,
                out.stream, new TestFiles.Captured().stream);
        assertTrue(out.text().contains("verdict: pass"), out.text());
        assertTrue(out.text().contains("cancelled: coalition-defense/") && out.text().contains("before the match"), out.text());

        out = new TestFiles.Captured();
        ExplainCommand.run(new String[] {"--list", list, "Progressives are the real heroes of this campaign."}, System.in,
                out.stream, new TestFiles.Captured().stream);
        assertTrue(out.text().contains("closest: coalition-defense/") && out.text().contains("stopped at 'heroes'"), out.text());
    }
}

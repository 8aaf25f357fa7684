package org.wedgewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static final String GOOD = String.join("\n",
        "! Title: Test",
        "! Id: test",
        "! Version: 1",
        "group left: leftists",
        "rule real-racists",
        "  family: F2 real racists",
        "  explain: Calling allies the real racists splits them.",
        "  match: {left} are the real racists",
        "  warn: Leftists are the real racists.",
        "  pass: Leftists are not the real racists.",
        "");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aGoodListExitsZero() throws Exception {
        Path list = write("good.txt", GOOD);
        TestFiles.Captured out = new TestFiles.Captured();
        TestFiles.Captured err = new TestFiles.Captured();
        assertEquals(0, CheckCommand.run(new String[] {list.toString()}, out.stream, err.stream));
        assertTrue(out.text().contains("ok, list 'test' version 1, 1 rules, 2 examples pass"), out.text());
    }

    @Test
    void aBrokenListPrintsFileLineColumnAndExitsOne() throws Exception {
        Path list = write("broken.txt", GOOD.replace("match: {left} are the real racists", "match: {left are the (real racists"));
        TestFiles.Captured out = new TestFiles.Captured();
        TestFiles.Captured err = new TestFiles.Captured();
        assertEquals(1, CheckCommand.run(new String[] {list.toString()}, out.stream, err.stream));
        assertTrue(out.text().contains(list + ":8:10: "), out.text());
        for (String line : out.text().split("\n")) {
            assertTrue(line.startsWith(list + ":") && line.substring(list.toString().length()).matches(":\\d+:\\d+: .+"), line);
        }
    }

    @Test
    void aFailingExampleIsReportedAtItsLine() throws Exception {
        Path list = write("example.txt", GOOD.replace("pass: Leftists are not the real racists.", "pass: Leftists are the real racists."));
        TestFiles.Captured out = new TestFiles.Captured();
        TestFiles.Captured err = new TestFiles.Captured();
        assertEquals(1, CheckCommand.run(new String[] {list.toString()}, out.stream, err.stream));
        assertTrue(out.text().startsWith(list + ":10:3: "), out.text());
    }

    @Test
    void aMissingFileIsAProblem() {
        TestFiles.Captured out = new TestFiles.Captured();
        TestFiles.Captured err = new TestFiles.Captured();
        String missing = dir.resolve("missing.txt").toString();
        assertEquals(1, CheckCommand.run(new String[] {missing}, out.stream, err.stream));
        assertTrue(out.text().startsWith(missing + ":1:1: no such file"), out.text());
    }
}

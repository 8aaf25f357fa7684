package org.wedgewatch.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    private static List<String> render(List<LineDiff.Line> diff) {
        List<String> out = new ArrayList<>();
        for (LineDiff.Line l : diff) {
            out.add((l.kind() == LineDiff.Kind.SAME ? " " : l.kind() == LineDiff.Kind.ADDED ? "+" : "-") + l.text()
                    + "@" + l.oldNumber() + "/" + l.newNumber());
        }
        return out;
    }

    @Test
    void keepsCommonLinesAndNumbersBothSides() {
        assertEquals(List.of(" a@1/1", "-b@2/0", "+x@0/2", " c@3/3", "+d@0/4"),
                render(LineDiff.of("a\nb\nc\n", "a\nx\nc\nd\n")));
        assertEquals(List.of("+a@0/1"), render(LineDiff.of("", "a")));
        assertEquals(List.of(" a@1/1"), render(LineDiff.of("a\r\n", "a\n")));
    }

    @Test
    void aMiddleTooBigForTheTableIsShownWholeNotSlowly() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            a.append("old ").append(i).append('\n');
            b.append("new ").append(i).append('\n');
        }
        List<LineDiff.Line> diff = LineDiff.of("head\n" + a + "tail\n", "head\n" + b + "tail\n");
        assertEquals(5002, diff.size());
        assertEquals(LineDiff.Kind.REMOVED, diff.get(1).kind());
        assertEquals(LineDiff.Kind.ADDED, diff.get(2501).kind());
    }

    @Test
    void everyTextHasBothLanguages() {
        assertEquals(Lang.texts(Lang.EN).keySet(), Lang.texts(Lang.ES).keySet());
    }
}

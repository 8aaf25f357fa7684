package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListParserTest {
    private static List<Problem> problems(String text) {
        return ListParser.parse(text).problems();
    }

    private static void assertProblem(String text, int line, int column, String containing) {
        List<Problem> ps = problems(text);
        for (Problem p : ps) {
            if (p.line == line && p.column == column && p.message.contains(containing)) return;
        }
        throw new AssertionError("expected " + line + ":" + column + " '" + containing + "' in " + ps);
    }

    private static String rule(String... lines) {
        StringBuilder sb = new StringBuilder(TestLists.HEADER + "group left: leftists, progressives\n");
        sb.append("rule r1\n  family: F\n  explain: why\n");
        for (String l : lines) sb.append(l).append('\n');
        return sb.toString();
    }

    @Test
    void aGoodListParsesWithItsHeaders() {
        ParseResult r = ListParser.parse(TestLists.SMEARS.replace("! Version: 1", "! Version: 12\n! Expires: 4 days"));
        assertTrue(r.ok(), r.problems().toString());
        PatternList list = r.list();
        assertEquals("test", list.id());
        assertEquals(12, list.version());
        assertEquals(96, list.expiresHours());
        assertEquals(3, list.rules().size());
        assertEquals(Action.LABEL, list.rule("lost").action());
        assertEquals(Action.BLUR, list.rule("pocket").action());
    }

    @Test
    void theExampleInTheFormatDocumentParsesAndItsExamplesPass() throws Exception {
        String doc = new String(Files.readAllBytes(Path.of("../docs/list-format.md")), StandardCharsets.UTF_8);
        int start = doc.indexOf("```\n! Title:") + 4;
        String list = doc.substring(start, doc.indexOf("```", start));
        ParseResult r = ListParser.parse(list);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(List.of(), ExampleChecker.check(r.list()).stream().map(Problem::toString).toList());
    }

    @Test
    void missingHeadersAreNamed() {
        List<Problem> ps = problems("rule r\n  family: F\n  explain: x\n  match: a\n");
        assertEquals(3, ps.size(), ps.toString());
        assertTrue(ps.get(0).message.contains("Title"));
    }

    @Test
    void everyProblemIsReportedInOnePassAndNothingIsLoaded() {
        ParseResult r = ListParser.parse(rule(
            "  action: shout",
            "  match: {lefty} are (bad",
            "  colour: red",
            "  match: a *9 b"));
        assertFalse(r.ok());
        assertNull(r.list());
        assertProblem(rule("  action: shout"), 8, 11, "label, blur or hide");
        assertProblem(rule("  match: {left} are (bad"), 8, 21, "never closed");
        assertProblem(rule("  colour: red"), 8, 3, "unknown key 'colour'");
        assertProblem(rule("  match: a *9 b"), 8, 12, "1 to 5 words");
        assertProblem(rule("  match: {lefty} are bad"), 8, 10, "no group named 'lefty'");
        assertTrue(r.problems().size() >= 4, r.problems().toString());
    }

    @Test
    void templateSyntaxErrorsPointAtTheColumn() {
        assertProblem(rule("  match: a ) b"), 8, 12, "no opening bracket");
        assertProblem(rule("  match: (a|(b|c))"), 8, 13, "cannot be nested");
        assertProblem(rule("  match: * a"), 8, 10, "must stand between words");
        assertProblem(rule("  match: [the] * a"), 8, 10, "must stand between words");
        assertProblem(rule("  match: a *2 [b|c]"), 8, 10, "must stand between words");
        assertProblem(rule("  match: (a||b)"), 8, 13, "empty alternative");
        assertProblem(rule("  match: {left"), 8, 10, "never closed");
        assertProblem(rule("  match: ..."), 8, 10, "no letters or digits");
    }

    @Test
    void structureErrors() {
        assertProblem(TestLists.HEADER + "  orphan\n", 4, 3, "belongs to no rule or group");
        assertProblem(TestLists.HEADER + "frobnicate\n", 4, 1, "must start with 'group', 'rule', 'except'");
        assertProblem(TestLists.HEADER + "rule a\n  family: F\n  explain: x\n  match: y\n! Id: late\n", 8, 1,
                "must come at the top");
        assertProblem(rule("  match: a") + "rule r1\n", 9, 6, "already used on line 5");
        assertProblem(TestLists.HEADER + "rule bad id!\n", 4, 6, "not a rule id");
        assertProblem(TestLists.HEADER + "rule empty\n", 4, 1, "has no 'match:' template");
        assertProblem("! Title: t\n! Id: ../etc\n! Version: 1\n", 2, 7, "list id");
        assertProblem("! Title: t\n! Id: t\n! Version: two\n", 3, 12, "whole number");
        assertProblem("! Title: t\n! Id: t\n! Version: 1\n! Expires: forever\n", 4, 12, "expires");
    }

    @Test
    void limitsAreEnforcedWithClearErrors() {
        StringBuilder choice = new StringBuilder("(");
        for (int i = 0; i < 10; i++) choice.append(i == 0 ? "" : "|").append("w").append(i).append("x");
        choice.append(")");
        String big = TestLists.HEADER + "group g: a\nrule boom\n  family: F\n  explain: x\n  match: " + choice + " *5 " + choice
                + " *5 " + choice + "\n";
        assertProblem(big, 8, 10, "expands to more than 10000 phrases");

        Limits tiny = Limits.DEFAULT.withMaxBytes(50);
        List<Problem> ps = ListParser.parse(TestLists.SMEARS, tiny).problems();
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).message.contains("limit is 50 bytes"));
    }

    @Test
    void groupTermsMatchBothNumbers() {
        Matcher m = TestLists.matcher(TestLists.SMEARS);
        assertEquals(List.of("real-racists"), TestLists.ruleIds(m, "Every leftist are the real racists"));
        assertEquals(List.of("real-racists"), TestLists.ruleIds(m, "The Democrat are the real racists"));
        assertEquals(List.of("real-racists"), TestLists.ruleIds(m, "Bernie bro are the real racists"));
    }

    @Test
    void builtInRebuttalCuesParse() {
        assertTrue(RebuttalCues.list().exemptions.size() > 10);
    }
}

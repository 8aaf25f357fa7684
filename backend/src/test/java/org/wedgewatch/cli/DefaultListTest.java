package org.wedgewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wedgewatch.rules.ListCheck;
import org.wedgewatch.rules.Action;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.ParseResult;
import org.wedgewatch.rules.PatternList;
import org.wedgewatch.rules.Problem;
import org.wedgewatch.rules.Rule;

class DefaultListTest {
    private static String text() throws Exception {
        return ListFiles.decodeUtf8(Files.readAllBytes(TestFiles.defaultList()));
    }

    @Test
    void theDefaultListParsesAndAllItsExamplesPass() throws Exception {
        List<Problem> problems = ListCheck.problems(text());
        assertTrue(problems.isEmpty(), () -> "problems: " + problems);
    }

    @Test
    void checkAcceptsTheDefaultList() {
        TestFiles.Captured out = new TestFiles.Captured();
        TestFiles.Captured err = new TestFiles.Captured();
        int code = CheckCommand.run(new String[] {TestFiles.defaultList().toString()}, out.stream, err.stream);
        assertEquals(0, code, out.text() + err.text());
        assertTrue(out.text().contains("ok, list 'coalition-defense'"), out.text());
    }

    @Test
    void everyRuleExplainsItselfAndHasThreeWarnAndThreePassExamples() throws Exception {
        PatternList list = parse();
        assertFalse(list.rules().isEmpty());
        for (Rule r : list.rules()) {
            assertTrue(r.explanation() != null && !r.explanation().isBlank(), r.id + " has no explanation");
            assertTrue(r.explanation().length() < 300, r.id + " explanation is too long");
            assertTrue(r.warnExamples().size() >= 3, r.id + " needs at least 3 warn examples");
            assertTrue(r.passExamples().size() >= 3, r.id + " needs at least 3 pass examples");
            assertEquals(Action.BLUR, r.action(), r.id + " should blur by default");
        }
    }

    @Test
    void theHeadersNameTheList() throws Exception {
        PatternList list = parse();
        assertEquals("coalition-defense", list.id());
        assertEquals("Coalition defense", list.title());
        assertEquals("CC-BY-SA-4.0", list.license());
        assertTrue(list.version() >= 1, "a whole number from the list's header");
        assertEquals(24, list.expiresHours());
        assertTrue(list.homepage().startsWith("https://"));
        assertFalse(list.description().isBlank());
        assertFalse(list.maintainer().isBlank());
    }

    @Test
    void everySeedFamilyHasARule() throws Exception {
        PatternList list = parse();
        for (String family : EvalCommand.FAMILIES) {
            boolean found = false;
            for (Rule r : list.rules()) found |= EvalCommand.familyCode(r.family()).equals(family);
            assertTrue(found, "no rule for family " + family);
        }
    }

    private static PatternList parse() throws Exception {
        ParseResult r = ListParser.parse(text());
        assertTrue(r.ok(), () -> "problems: " + r.problems());
        return r.list();
    }
}

package org.wedgewatch.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompiledFormTest {
    private static List<PatternList> lists;
    private static Matcher compiled;
    private static String form;
    private static Matcher restored;

    @BeforeAll
    static void compileAndReadBack() throws IOException {
        String bundled = Files.readString(Path.of("../lists/coalition-defense.txt"), StandardCharsets.UTF_8);
        lists = Arrays.asList(TestLists.parse(bundled), TestLists.parse(TestLists.SMEARS));
        compiled = ListCompiler.compile(lists, Set.of("test/lost"));
        form = CompiledForm.write(compiled);
        restored = CompiledForm.read(form);
    }

    @Test
    void verdictsAndExplanationsOfTheVectorsAreTheSame() throws IOException {
        List<String> texts = vectorTexts();
        assertTrue(texts.size() > 100, "vectors read: " + texts.size());
        int warned = 0;
        for (String text : texts) {
            assertEquals(describe(compiled.explain(text)), describe(restored.explain(text)), text);
            if (!compiled.match(text).isEmpty()) warned++;
        }
        assertTrue(warned > 20, "some vectors warn: " + warned);
    }

    @Test
    void everyExampleOfEveryListJudgesTheSame() {
        int examples = 0;
        for (PatternList l : lists) {
            for (Rule r : l.rules) {
                List<Rule.Example> all = new ArrayList<>(r.warnExamples);
                all.addAll(r.passExamples);
                for (Rule.Example e : all) {
                    assertEquals(describe(compiled.explain(e.text)), describe(restored.explain(e.text)), e.text);
                    examples++;
                }
            }
        }
        assertTrue(examples > 50, "examples: " + examples);
    }

    @Test
    void aDisabledRuleStaysOffAndAnExceptionStillCancels() {
        assertFalse(TestLists.ruleIds(restored, "Leftists lost the election").contains("lost"));
        assertTrue(TestLists.ruleIds(restored, "Progressives are in Putin's pocket").contains("pocket"));
        assertFalse(TestLists.ruleIds(restored, "Progressives are in Putin's pocket is satire").contains("pocket"));
    }

    @Test
    void aFormReadBackWritesTheSameForm() {
        assertEquals(form, CompiledForm.write(restored));
    }

    @Test
    void aDamagedFormIsRefusedWithItsReason() {
        int mid = form.length() / 2;
        String changed = form.substring(0, mid) + (form.charAt(mid) == 'A' ? 'B' : 'A') + form.substring(mid + 1);
        assertEquals("compiled form: damaged or cut short",
                assertThrows(IllegalArgumentException.class, () -> CompiledForm.read(changed)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CompiledForm.read(form.substring(0, mid)));
        assertThrows(IllegalArgumentException.class, () -> CompiledForm.read("WWC0" + form.substring(4)));
        assertThrows(IllegalArgumentException.class, () -> CompiledForm.read(""));
        assertThrows(IllegalArgumentException.class, () -> CompiledForm.read(CompiledForm.MAGIC + "\\"));
    }

    private static String describe(Explanation e) {
        StringBuilder s = new StringBuilder();
        for (Match m : e.matches) s.append(match(m)).append('\n');
        s.append(e.tokens).append('\n');
        for (Explanation.Cancelled c : e.cancelled) s.append(match(c.match)).append(" by ").append(c.by).append(" words ")
                .append(c.words).append(" place ").append(c.place).append('\n');
        return s.append(e.confirmedBy).append('|').append(e.closestRule).append('|').append(e.closestMatched)
                .append('|').append(e.stoppedAt).toString();
    }

    private static String match(Match m) {
        return m.listId + "/" + m.ruleId + " " + m.family + " " + m.action + " " + m.start + "-" + m.end + " "
                + m.listIndex + ":" + m.ruleIndex + " " + m.explanation;
    }

    /** The "text" of each line of vectors.jsonl (flat objects of strings). */
    private static List<String> vectorTexts() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/vectors.jsonl"), StandardCharsets.UTF_8)) {
            int i = line.indexOf("\"text\": \"");
            if (i < 0) continue;
            StringBuilder sb = new StringBuilder();
            for (i += 9; line.charAt(i) != '"'; i++) {
                char c = line.charAt(i);
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = line.charAt(++i);
                if (e == 'u') {
                    sb.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    sb.append(e == 'n' ? '\n' : e);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}

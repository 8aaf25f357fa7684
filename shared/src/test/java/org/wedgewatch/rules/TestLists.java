package org.wedgewatch.rules;

import java.util.Arrays;
import java.util.List;

/** Small lists written for tests. */
final class TestLists {
    private TestLists() {
    }

    static final String HEADER = "! Title: Test list\n! Id: test\n! Version: 1\n";

    static final String SMEARS = HEADER
        + "group left: leftists, progressives, the left, Sandernistas, Berniebros, Bernie bros, Democrats, Dems\n"
        + "group person: Bernie, Sanders, Hillary, Clinton\n"
        + "rule real-racists\n"
        + "  family: F2\n"
        + "  explain: Calling part of the left the real racists splits allies.\n"
        + "  match: {left} are the (real|actual|true) racists\n"
        + "  match: {person} is the (real|actual|true) racist\n"
        + "rule lost\n"
        + "  family: F1\n"
        + "  action: label\n"
        + "  explain: Blaming one faction for a loss splits the coalition.\n"
        + "  match: {left} * lost the election\n"
        + "rule pocket\n"
        + "  family: F3\n"
        + "  explain: Calling allies foreign agents makes them enemies.\n"
        + "  match: {left} are in (Putin's|Moscow's|the Kremlin's) pocket\n"
        + "  except after: [is] satire\n";

    static PatternList parse(String text) {
        ParseResult r = ListParser.parse(text);
        if (!r.ok()) throw new AssertionError("test list has problems: " + r.problems());
        return r.list();
    }

    static Matcher matcher(String... texts) {
        PatternList[] lists = new PatternList[texts.length];
        for (int i = 0; i < texts.length; i++) lists[i] = parse(texts[i]);
        return ListCompiler.compile(Arrays.asList(lists));
    }

    static List<String> ruleIds(Matcher m, String text) {
        List<Match> matches = m.match(text);
        String[] ids = new String[matches.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = matches.get(i).ruleId;
        return Arrays.asList(ids);
    }
}

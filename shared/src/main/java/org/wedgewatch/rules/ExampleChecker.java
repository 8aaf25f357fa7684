package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs a list's own examples: each "warn:" text must fire its rule, each "pass:" text must not. */
public final class ExampleChecker {
    private ExampleChecker() {
    }

    public static List<Problem> check(PatternList list) {
        return check(list, RebuttalCues.list());
    }

    /** The same with the built-in cues given (see {@link ListCompiler#builtInCues}). */
    public static List<Problem> check(PatternList list, PatternList cues) {
        Matcher matcher = ListCompiler.compile(Collections.singletonList(list), Collections.<String>emptySet(), cues);
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : list.rules) {
            for (Rule.Example ex : rule.warnExamples) {
                if (!fires(matcher, ex.text, rule.id)) {
                    problems.add(new Problem(ex.line, 3, "this 'warn:' example does not match rule '" + rule.id
                            + "'; change the example or the rule's templates"));
                }
            }
            for (Rule.Example ex : rule.passExamples) {
                if (fires(matcher, ex.text, rule.id)) {
                    problems.add(new Problem(ex.line, 3, "this 'pass:' example matches rule '" + rule.id
                            + "' but should pass; change the example, the templates, or add an 'except'"));
                }
            }
        }
        return problems;
    }

    private static boolean fires(Matcher matcher, String text, String ruleId) {
        for (Match m : matcher.match(text)) {
            if (m.ruleId.equals(ruleId)) return true;
        }
        return false;
    }
}

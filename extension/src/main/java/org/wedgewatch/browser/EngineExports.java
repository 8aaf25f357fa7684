package org.wedgewatch.browser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.jso.JSExport;
import org.wedgewatch.rules.ListCheck;
import org.wedgewatch.rules.ListCompiler;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.Match;
import org.wedgewatch.rules.Matcher;
import org.wedgewatch.rules.ParseResult;
import org.wedgewatch.rules.PatternList;
import org.wedgewatch.rules.Problem;
import org.wedgewatch.rules.Rule;

/**
 * The engine as TeaVM exports it to JavaScript. Only strings and ints cross the boundary, so the
 * same exports work in the plain-script and ES-module builds; results are JSON that
 * {@code src/js/engine-api.js} parses into the {@code WedgewatchEngine} shapes.
 *
 * <p>Compiling takes several lists, so it is staged: {@link #stageList}, {@link #stageDisabled},
 * then {@link #compileStaged} returns a handle for {@link #rules} and {@link #match}.
 */
public final class EngineExports {
    private static final Map<Integer, CompiledLists> COMPILED = new HashMap<>();
    private static final List<PatternList> stagedLists = new ArrayList<>();
    private static final Set<String> stagedDisabled = new HashSet<>();
    private static int nextHandle = 1;

    private EngineExports() {
    }

    /** {ok, problems, list} with list null when there are problems. */
    @JSExport
    public static String parse(String text) {
        ParseResult r = ListParser.parse(text);
        Json j = new Json().raw("{").key("ok").raw(r.ok() ? "true" : "false").raw(",").key("problems");
        problems(j, r.problems()).raw(",").key("list");
        if (r.list() == null) j.raw("null");
        else list(j, r.list());
        return j.raw("}").toString();
    }

    /** Parse problems plus failing examples, by line then column: what the list tool's check prints. */
    @JSExport
    public static String check(String text) {
        return problems(new Json(), ListCheck.problems(text)).toString();
    }

    /** Adds a list to the next compile; returns its problems as JSON ("[]" when it loads). */
    @JSExport
    public static String stageList(String text) {
        ParseResult r = ListParser.parse(text);
        if (r.ok()) stagedLists.add(r.list());
        return problems(new Json(), r.problems()).toString();
    }

    /** Turns off one rule, "listId/ruleId", in the next compile. */
    @JSExport
    public static void stageDisabled(String listSlashRule) {
        stagedDisabled.add(listSlashRule);
    }

    /** Compiles what was staged and clears the stage; returns a handle for rules, match and release. */
    @JSExport
    public static int compileStaged() {
        List<PatternList> lists = new ArrayList<>(stagedLists);
        Matcher m = ListCompiler.compile(lists, new HashSet<>(stagedDisabled));
        stagedLists.clear();
        stagedDisabled.clear();
        int handle = nextHandle++;
        COMPILED.put(handle, new CompiledLists(m, lists));
        return handle;
    }

    /** The compiled rules as a JSON array of {list, rule, family, explanation, action}: what match's numbers point at. */
    @JSExport
    public static String rules(int handle) {
        CompiledLists c = COMPILED.get(handle);
        Json j = new Json().raw("[");
        boolean first = true;
        for (PatternList l : c == null ? List.<PatternList>of() : c.lists()) {
            for (Rule r : l.rules()) {
                if (!first) j.raw(",");
                first = false;
                j.raw("{").key("list").str(l.id()).raw(",").key("rule").str(r.id)
                        .raw(",").key("family").str(r.family()).raw(",").key("explanation").str(r.explanation())
                        .raw(",").key("action").str(r.action().id()).raw("}");
            }
        }
        return j.raw("]").toString();
    }

    /**
     * The matches as "rule start end" triples of numbers, space separated, where rule indexes
     * {@link #rules}; "" when nothing fires (the common case). A warned post's explanation is
     * not copied out of the engine for every post: the page has it already.
     */
    @JSExport
    public static String match(int handle, String text) {
        CompiledLists c = COMPILED.get(handle);
        if (c == null) return "";
        List<Match> matches = c.matcher().match(text);
        if (matches.isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < matches.size(); i++) {
            Match x = matches.get(i);
            if (i > 0) out.append(' ');
            out.append(c.numberOf(x)).append(' ').append(x.start).append(' ').append(x.end);
        }
        return out.toString();
    }

    /** Frees a matcher that is no longer used (after a recompile). */
    @JSExport
    public static void release(int handle) {
        COMPILED.remove(handle);
    }

    private static Json problems(Json j, List<Problem> problems) {
        j.raw("[");
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            if (i > 0) j.raw(",");
            j.raw("{").key("line").num(p.line).raw(",").key("column").num(p.column)
                    .raw(",").key("message").str(p.message).raw("}");
        }
        return j.raw("]");
    }

    private static void list(Json j, PatternList l) {
        j.raw("{").key("id").str(l.id()).raw(",").key("title").str(l.title())
                .raw(",").key("description").str(l.description()).raw(",").key("homepage").str(l.homepage())
                .raw(",").key("maintainer").str(l.maintainer()).raw(",").key("license").str(l.license())
                .raw(",").key("version").num(l.version()).raw(",").key("expiresHours").num(l.expiresHours())
                .raw(",").key("rules").raw("[");
        List<Rule> rules = l.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (i > 0) j.raw(",");
            j.raw("{").key("id").str(r.id).raw(",").key("family").str(r.family())
                    .raw(",").key("explanation").str(r.explanation()).raw(",").key("action").str(r.action().id())
                    .raw(",").key("warn");
            examples(j, r.warnExamples()).raw(",").key("pass");
            examples(j, r.passExamples()).raw("}");
        }
        j.raw("]}");
    }

    private static Json examples(Json j, List<Rule.Example> examples) {
        j.raw("[");
        for (int i = 0; i < examples.size(); i++) {
            if (i > 0) j.raw(",");
            j.str(examples.get(i).text);
        }
        return j.raw("]");
    }
}

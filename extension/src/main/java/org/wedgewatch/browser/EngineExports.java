package org.wedgewatch.browser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.jso.JSExport;
import org.wedgewatch.rules.CompiledForm;
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
 * {@code src/engine/engine.js} parses into plain JavaScript shapes.
 *
 * <p>Loading takes several lists, so it is staged: {@link #stageList}, {@link #stageDisabled},
 * then {@link #load} parses and compiles them in one call and returns the handle for
 * {@link #match}, each list's metadata and rules, and every problem.
 */
public final class EngineExports {
    private static final Map<Integer, CompiledLists> COMPILED = new HashMap<>();
    private static final List<String> stagedTexts = new ArrayList<>();
    private static final Set<String> stagedDisabled = new HashSet<>();
    private static int nextHandle = 1;
    /** The built-in rebuttal cues, handed over once by {@link #useCues}: a list, not code in the bundle. */
    private static PatternList cues;

    private EngineExports() {
    }

    /**
     * Takes the text of the built-in rebuttal cues' file (shipped next to the engine), which every
     * {@link #load} compiles in; a restored form already holds them, so a tab that only restores
     * never needs it.
     */
    @JSExport
    public static void useCues(String text) {
        cues = ListCompiler.builtInCues(text);
    }

    /** Adds a list text to the next {@link #load}. */
    @JSExport
    public static void stageList(String text) {
        stagedTexts.add(text);
    }

    /** Turns off one rule, "listId/ruleId", in the next load. */
    @JSExport
    public static void stageDisabled(String listSlashRule) {
        stagedDisabled.add(listSlashRule);
    }

    /**
     * Parses every staged list once, compiles those that parse into one matcher, and clears the
     * stage. Returns {handle, lists: [{problems, list}]} in staging order, list null for one that
     * does not parse; with checkExamples, each list's problems include its failing examples (what
     * the list tool's check prints), which costs a compile per list: for lists as they arrive,
     * not for a tab that only judges. Match numbers index the rules of the lists that parsed, in order.
     * Without compile, only the lists are read (handle 0): a compile of the default list is seconds.
     */
    @JSExport
    public static String load(boolean checkExamples, boolean compile) {
        if (cues == null) throw new IllegalStateException("call useCues first");
        List<PatternList> lists = new ArrayList<>();
        Json j = new Json().raw("{").key("lists").raw("[");
        for (int i = 0; i < stagedTexts.size(); i++) {
            ParseResult r = ListParser.parse(stagedTexts.get(i));
            if (i > 0) j.raw(",");
            j.raw("{").key("problems");
            problems(j, checkExamples ? ListCheck.problems(r, cues) : r.problems()).raw(",").key("list");
            if (r.ok()) {
                lists.add(r.list());
                list(j, r.list());
            } else {
                j.raw("null");
            }
            j.raw("}");
        }
        int handle = 0;
        if (compile) {
            Matcher m = ListCompiler.compile(lists, new HashSet<>(stagedDisabled), cues);
            handle = nextHandle++;
            COMPILED.put(handle, new CompiledLists(m, lists));
        }
        stagedTexts.clear();
        stagedDisabled.clear();
        return j.raw("],").key("handle").num(handle).raw("}").toString();
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

    /** The compiled matcher as one string for storage ({@link CompiledForm}); "" for an unknown handle. */
    @JSExport
    public static String save(int handle) {
        CompiledLists c = COMPILED.get(handle);
        return c == null ? "" : CompiledForm.write(c.matcher());
    }

    /**
     * A handle for {@link #match} on the matcher a {@link #save}d form holds, without parsing or
     * compiling; 0 when the form is damaged or of another layout (then compile the lists instead).
     */
    @JSExport
    public static int restore(String form) {
        Matcher m;
        try {
            m = CompiledForm.read(form);
        } catch (IllegalArgumentException e) {
            return 0;
        }
        int handle = nextHandle++;
        COMPILED.put(handle, new CompiledLists(m, m.lists()));
        return handle;
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

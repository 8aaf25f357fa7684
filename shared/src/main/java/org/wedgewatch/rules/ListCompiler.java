package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the enabled rules of all lists, plus the built-in rebuttal cues, into one
 * {@link Automaton}: each group becomes a term class in the term trie, and each template a set of
 * phrases over words and classes in the phrase trie.
 */
public final class ListCompiler {
    /** Words that make a claim a rebuttal; a gap never skips them. Written as posts are normalized. */
    static final String[] NEGATIONS = {"not", "never", "no", "nobody", "nothing", "neither", "nor", "cannot", "none", "nope"};
    /**
     * Words a match steps over wherever they stand inside it: "progressives are really, truly the
     * real racists". A filler is not a gap: "progressives are fighting the real racists" still passes.
     */
    static final String[] FILLERS = {
        "really", "truly", "honestly", "literally", "clearly", "obviously", "always", "still", "all", "just",
        "simply", "basically", "definitely", "absolutely", "totally", "so", "very", "indeed", "now", "again",
        "already", "seriously", "frankly", "certainly", "surely", "undeniably", "essentially", "openly",
        "completely", "entirely", "fully", "single", "handedly", "once", "more", "proudly", "knowingly",
        "actively", "pretty", "much", "officially", "practically", "virtually", "ultimately", "in", "fact",
        "did", "do", "does", "deeply", "genuinely", "deep", "down", "quietly", "secretly", "straight", "directly",
        "without", "question", "by", "far", "hands", "arguably", "kind", "sort", "of",
        ":", "=",
    };

    /** Words that end a clause: a gap never skips them ("Progressives worked hard, but Russia handed ..."). */
    static final String[] BARRIERS = {"but", "because", "while", "although", "though", "whereas", "yet", "unlike", "instead"};

    /** Words that open a real question; a claim ending in "?" without one is an echo that doubts it. */
    static final String[] QUESTION_WORDS = {
        "why", "who", "whose", "whom", "what", "when", "where", "how", "which", "are", "is", "was", "were", "do",
        "does", "did", "can", "could", "will", "would", "should", "shall", "have", "has", "had", "am", "q",
    };

    /**
     * Words that open an aside set off by commas: "The DSA crowd, who spent October posting that
     * both parties are the same, kneecapped Hillary" is read past it. Not "the" or "as": "Liberals,
     * the GOP says, are ..." and "..., as my uncle says, ..." name a speaker.
     */
    static final String[] ASIDE_WORDS = {"who", "which", "whose", "and", "honestly", "frankly", "sorry", "i", "whether", "if",
        "quite", "no", "to", "in", "without", "seriously", "truly", "believe", "trust", "mind", "let"};

    private final Vocabulary vocabulary = new Vocabulary();
    private final TrieBuilder phrases = new TrieBuilder();
    private final TrieBuilder terms = new TrieBuilder();
    private final PatternTable patterns = new PatternTable();
    private final Map<TermGroup, Integer> classes = new HashMap<>();
    private final Map<Integer, Integer> rootTokens = new HashMap<>(); // class token -> its root's token (see classRoot)

    private ListCompiler() {
        vocabulary.intern("\u0000unknown"); // Automaton.UNKNOWN
        vocabulary.intern("\u0001any"); // Automaton.ANY: never a word of a post
        vocabulary.intern("\u0001break"); // Automaton.BREAK
        vocabulary.intern("\u0001question"); // Automaton.QUESTION
        for (String n : NEGATIONS) id(Normalizer.collapseRepeats(n));
        for (String f : FILLERS) id(Normalizer.collapseRepeats(f));
        for (String b : BARRIERS) id(Normalizer.collapseRepeats(b));
        for (String q : QUESTION_WORDS) id(Normalizer.collapseRepeats(q));
        for (String a : ASIDE_WORDS) id(Normalizer.collapseRepeats(a));
    }

    public static Matcher compile(List<PatternList> lists) {
        return compile(lists, Collections.<String>emptySet());
    }

    /** Parses the text of the built-in rebuttal cues' file; a problem in it is a bug, thrown. */
    public static PatternList builtInCues(String text) {
        return RebuttalCues.parse(text);
    }

    /** Compiles every rule except those whose key ("listId/ruleId") is in {@code disabled}. */
    public static Matcher compile(List<PatternList> lists, Set<String> disabled) {
        return compile(lists, disabled, RebuttalCues.list());
    }

    /**
     * The same with the built-in rebuttal cues given, parsed from their file's text by the caller:
     * the browser engine is handed that text instead of carrying it (see {@link #builtInCues}).
     */
    public static Matcher compile(List<PatternList> lists, Set<String> disabled, PatternList cues) {
        ListCompiler c = new ListCompiler();
        for (Exemption e : cues.exemptions) c.addExemption(e, cues.groups, -1, -1);
        for (Rule cue : cues.rules) {
            int pattern = c.patterns.addCue(cue.id.equals(RebuttalCues.DENIAL) ? PatternTable.DENIAL : PatternTable.CONFIRM, cue.id);
            for (Template t : cue.templates) c.insertAll(t, cues.groups, pattern);
        }
        for (int l = 0; l < lists.size(); l++) {
            PatternList list = lists.get(l);
            // A group a sentence can be about stands in front of those named before it, used in a rule or not.
            for (TermGroup g : list.groups.values()) if (g.refer.contains(TermGroup.SENTENCE)) c.classOf(g);
            for (Exemption e : list.exemptions) c.addExemption(e, list.groups, l, -1);
            for (int r = 0; r < list.rules.size(); r++) {
                Rule rule = list.rules.get(r);
                if (disabled.contains(list.id + "/" + rule.id)) continue;
                int pattern = c.patterns.addRule(l, r);
                for (Template t : rule.templates) c.insertAll(t, list.groups, pattern);
                for (Exemption e : rule.exemptions) c.addExemption(e, list.groups, l, r);
            }
        }
        return new Matcher(c.build(), c.patterns, new ArrayList<>(lists));
    }

    private void addExemption(Exemption e, Map<String, TermGroup> groups, int list, int rule) {
        insertAll(e.template, groups, patterns.addExemption(e.place, list, rule, e.template.source));
    }

    /**
     * Inserts every phrase the template stands for, walking the trie as it goes instead of
     * listing the phrases first.
     */
    private void insertAll(Template t, Map<String, TermGroup> groups, int pattern) {
        insertFrom(t.parts, 0, 0, groups, pattern);
    }

    private void insertFrom(List<Template.Part> parts, int k, int node, Map<String, TermGroup> groups, int pattern) {
        if (k == parts.size()) {
            phrases.addOutput(node, pattern);
            return;
        }
        Template.Part p = parts.get(k);
        switch (p.kind) {
            case Template.Part.WORDS:
                int at = node;
                for (String word : p.words) at = phrases.child(at, id(word));
                insertFrom(parts, k + 1, at, groups, pattern);
                return;
            case Template.Part.GROUP:
                TermGroup g = groups.get(p.group);
                insertFrom(parts, k + 1, phrases.child(node, classOf(g)), groups, pattern);
                return;
            case Template.Part.BREAK:
                int edge = p.question ? Automaton.QUESTION : Automaton.BREAK;
                insertFrom(parts, k + 1, phrases.child(node, edge), groups, pattern);
                return;
            case Template.Part.GAP:
                int gapAt = node;
                for (int n = 0; n <= p.gap; n++) {
                    if (n > 0) gapAt = phrases.child(gapAt, Automaton.ANY);
                    insertFrom(parts, k + 1, gapAt, groups, pattern);
                }
                return;
            default:
                if (p.optional) insertFrom(parts, k + 1, node, groups, pattern);
                for (List<Template.Part> alt : p.alternatives) {
                    List<Template.Part> rest = new ArrayList<>(alt.size() + parts.size() - k - 1);
                    rest.addAll(alt);
                    rest.addAll(parts.subList(k + 1, parts.size()));
                    insertFrom(rest, 0, node, groups, pattern);
                }
        }
    }

    /** The class token of a group, its terms (and refer words) put in the term trie the first time. */
    private int classOf(TermGroup g) {
        Integer known = classes.get(g);
        if (known != null) return known;
        // Never a word of a post. Built without '+': \u0001 and \u0002 are markers in Java's string concatenation recipes.
        int c = vocabulary.intern(new StringBuilder().append('\u0002').append(classes.size()).append(':').append(g.name).toString());
        classes.put(g, c);
        for (String[] term : g.terms) {
            int at = 0;
            for (String word : term) at = terms.child(at, id(word));
            terms.addOutput(at, 2 * c);
        }
        if (!g.tails.isEmpty()) {
            int root = classRoot(c);
            for (String[] tail : g.tails) {
                int t = root;
                for (String word : tail) t = terms.child(t, id(word));
                terms.addOutput(t, 2 * c);
            }
        }
        for (String word : g.refer) terms.addOutput(terms.child(0, word.equals(TermGroup.SENTENCE) ? Automaton.BREAK : id(word)), 2 * c + 1);
        // An included group's root names this class: whatever the matcher reads as that group,
        // term, tail or refer word, it reads as this one too.
        for (TermGroup included : g.includes) terms.addOutput(classRoot(classOf(included)), 2 * c);
        return c;
    }

    /**
     * The term trie node under a class's own token, which the matcher steps into after any term of
     * the class: its tails hang below it (every term times every tail would be a large trie), and
     * its outputs are the groups that include the class.
     */
    private int classRoot(int c) {
        Integer token = rootTokens.get(c);
        if (token == null) {
            token = vocabulary.intern(new StringBuilder().append('\u0003').append(c).toString());
            rootTokens.put(c, token);
        }
        return terms.child(0, token);
    }

    private int id(String word) {
        return vocabulary.intern(word);
    }

    private Automaton build() {
        int vocab = vocabulary.size();
        boolean[] negation = new boolean[vocab];
        for (String n : NEGATIONS) negation[vocabulary.get(Normalizer.collapseRepeats(n))] = true;
        boolean[] filler = new boolean[vocab];
        for (String f : FILLERS) filler[vocabulary.get(Normalizer.collapseRepeats(f))] = true;
        boolean[] barrier = new boolean[vocab];
        for (String b : BARRIERS) barrier[vocabulary.get(Normalizer.collapseRepeats(b))] = true;
        boolean[] asks = new boolean[vocab];
        for (String q : QUESTION_WORDS) asks[vocabulary.get(Normalizer.collapseRepeats(q))] = true;
        boolean[] opensAside = new boolean[vocab];
        for (String a : ASIDE_WORDS) opensAside[vocabulary.get(Normalizer.collapseRepeats(a))] = true;
        int[] rootToken = new int[vocab];
        java.util.Arrays.fill(rootToken, -1);
        for (Map.Entry<Integer, Integer> e : rootTokens.entrySet()) rootToken[e.getKey()] = e.getValue();
        Typos typos = new Typos();
        for (int id = 0; id < vocab; id++) typos.add(vocabulary.word(id), id);
        vocabulary.typos = typos;
        return new Automaton(vocabulary, negation, filler, barrier, asks, opensAside, phrases.build(vocab), terms.build(vocab), rootToken, typos);
    }
}

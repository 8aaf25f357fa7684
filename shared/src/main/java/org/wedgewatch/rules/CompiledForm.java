package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled matcher as one string, so a browser tab can load what the background compiled
 * instead of compiling the lists again (uBlock Origin's "selfie"). It holds the automaton's int
 * arrays and words, the pattern table, and of each list only what matching and explaining read:
 * its id and its rules' ids, families, explanations and actions. Read back, it gives the same
 * verdicts and explanations as the matcher it was written from; it cannot be compiled further.
 *
 * <p>Layout: {@link #MAGIC}, a checksum of the rest, then the rest. Numbers are zigzag
 * variable-length quantities, five bits per character over 64 printable ASCII characters (no
 * quote or backslash, so the form stays compact as JSON); a string is its length, then its
 * characters as they are. Arrays that only grow (where each node's edges start) are written as
 * differences.
 */
public final class CompiledForm {
    /** Changes whenever the layout does: a form of another layout is refused, never misread. */
    static final String MAGIC = "WWC3";
    private static final String DAMAGED = "compiled form: damaged or cut short";

    private CompiledForm() {
    }

    public static String write(Matcher m) {
        Writer w = new Writer();
        Automaton a = m.automaton();
        w.words(a.vocabulary);
        w.marks(a.negation);
        w.marks(a.filler);
        w.marks(a.barrier);
        w.marks(a.asks);
        w.marks(a.opensAside);
        w.trie(a.phrases);
        w.trie(a.terms);
        w.ints(a.rootToken, a.rootToken.length, false);
        Vocabulary keys = a.typos.keys();
        w.words(keys);
        for (int k = 0; k < keys.size(); k++) w.num(a.typos.target(k));
        PatternTable p = m.patterns();
        w.ints(p.kind, p.size, false);
        w.ints(p.list, p.size, false);
        w.ints(p.rule, p.size, false);
        for (int i = 0; i < p.size; i++) w.str(p.source.get(i));
        List<PatternList> lists = m.lists();
        w.num(lists.size());
        for (PatternList l : lists) {
            w.str(l.id);
            w.num(l.rules.size());
            for (Rule r : l.rules) {
                w.str(r.id);
                w.num(r.line);
                w.str(r.family);
                w.str(r.explanation);
                w.num(r.action.ordinal());
            }
        }
        String body = w.out.toString();
        Writer head = new Writer();
        head.out.append(MAGIC);
        head.num(checksum(body, 0));
        return head.out.append(body).toString();
    }

    /** The matcher {@code form} holds; an IllegalArgumentException naming what is wrong when it is not one. */
    public static Matcher read(String form) {
        if (form == null || !form.startsWith(MAGIC)) throw new IllegalArgumentException("compiled form: not of layout " + MAGIC);
        Reader r = new Reader(form, MAGIC.length());
        try {
            int sum = r.num();
            if (sum != checksum(form, r.at)) throw new IllegalArgumentException(DAMAGED);
            Vocabulary vocabulary = r.words();
            int vocab = vocabulary.size();
            boolean[] negation = r.marks(vocab);
            boolean[] filler = r.marks(vocab);
            boolean[] barrier = r.marks(vocab);
            boolean[] asks = r.marks(vocab);
            boolean[] opensAside = r.marks(vocab);
            Trie phrases = r.trie();
            Trie terms = r.trie();
            int[] rootToken = r.ints(false);
            Vocabulary keys = r.words();
            int[] target = new int[Math.max(1, keys.size())];
            for (int k = 0; k < keys.size(); k++) target[k] = r.num();
            Typos typos = new Typos(keys, target, vocabulary);
            vocabulary.typos = typos; // the normalizer's first test for a slip, as after compiling
            Automaton a = new Automaton(vocabulary, negation, filler, barrier, asks, opensAside, phrases, terms, rootToken, typos);
            PatternTable p = new PatternTable();
            p.kind = r.ints(false);
            p.list = r.ints(false);
            p.rule = r.ints(false);
            p.size = p.kind.length;
            for (int i = 0; i < p.size; i++) p.source.add(r.str());
            List<PatternList> lists = new ArrayList<>();
            for (int n = r.count(); n > 0; n--) {
                PatternList l = new PatternList();
                l.id = r.str();
                for (int k = r.count(); k > 0; k--) {
                    String id = r.str();
                    Rule rule = new Rule(id, r.num());
                    rule.family = r.str();
                    rule.explanation = r.str();
                    rule.action = Action.values()[r.num()];
                    l.rules.add(rule);
                }
                lists.add(l);
            }
            if (r.at != form.length()) throw new IllegalArgumentException(DAMAGED);
            return new Matcher(a, p, lists);
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(DAMAGED);
        }
    }

    /** String.hashCode of {@code s} from {@code from}, without copying it. */
    private static int checksum(String s, int from) {
        int h = 0;
        for (int i = from; i < s.length(); i++) h = 31 * h + s.charAt(i);
        return h;
    }

    private static final class Writer {
        final StringBuilder out = new StringBuilder();

        void num(int v) {
            int z = (v << 1) ^ (v >> 31);
            do {
                int d = z & 31;
                z >>>= 5;
                int x = z != 0 ? d | 32 : d;
                out.append((char) (x < 44 ? '0' + x : '1' + x)); // skips the backslash
            } while (z != 0);
        }

        void str(String s) {
            if (s == null) {
                num(-1);
                return;
            }
            num(s.length());
            out.append(s);
        }

        void ints(int[] a, int n, boolean differences) {
            num(n);
            int prev = 0;
            for (int i = 0; i < n; i++) {
                num(differences ? a[i] - prev : a[i]);
                prev = a[i];
            }
        }

        void words(Vocabulary v) {
            num(v.size());
            for (int id = 0; id < v.size(); id++) str(v.word(id));
        }

        /** The indexes that are true: few words are negations or fillers. */
        void marks(boolean[] b) {
            int n = 0;
            for (boolean x : b) if (x) n++;
            num(n);
            for (int i = 0; i < b.length; i++) if (b[i]) num(i);
        }

        void trie(Trie t) {
            ints(t.rootChild, t.rootChild.length, false);
            ints(t.edgeStart, t.edgeStart.length, true);
            ints(t.edgeToken, t.edgeToken.length, false);
            ints(t.edgeChild, t.edgeChild.length, false);
            ints(t.outputStart, t.outputStart.length, true);
            ints(t.outputs, t.outputs.length, false);
        }
    }

    private static final class Reader {
        final String s;
        int at;

        Reader(String s, int at) {
            this.s = s;
            this.at = at;
        }

        int num() {
            int z = 0;
            for (int shift = 0; ; shift += 5) {
                char c = s.charAt(at++);
                int x = c < '\\' ? c - '0' : c - '1';
                if (x < 0 || x > 63 || c == '\\' || shift > 30) throw new IllegalArgumentException(DAMAGED);
                z |= (x & 31) << shift;
                if (x < 32) break;
            }
            return (z >>> 1) ^ -(z & 1);
        }

        /** A length, no larger than what is left to read: a damaged length never allocates much. */
        int count() {
            int n = num();
            if (n < 0 || n > s.length() - at) throw new IllegalArgumentException(DAMAGED);
            return n;
        }

        String str() {
            int n = num();
            if (n == -1) return null;
            String out = s.substring(at, at + n);
            at += n;
            return out;
        }

        int[] ints(boolean differences) {
            int[] a = new int[count()];
            int prev = 0;
            for (int i = 0; i < a.length; i++) {
                a[i] = differences ? prev + num() : num();
                prev = a[i];
            }
            return a;
        }

        Vocabulary words() {
            Vocabulary v = new Vocabulary();
            for (int n = count(), id = 0; id < n; id++) {
                if (v.intern(str()) != id) throw new IllegalArgumentException(DAMAGED);
            }
            return v;
        }

        boolean[] marks(int size) {
            boolean[] b = new boolean[size];
            for (int n = count(); n > 0; n--) b[num()] = true;
            return b;
        }

        Trie trie() {
            Trie t = new Trie(ints(false), ints(true), ints(false), ints(false), ints(true), ints(false));
            int nodes = t.nodeCount();
            for (int c : t.edgeChild) if (c <= 0 || c >= nodes) throw new IllegalArgumentException(DAMAGED);
            for (int c : t.rootChild) if (c < -1 || c == 0 || c >= nodes) throw new IllegalArgumentException(DAMAGED);
            return t;
        }
    }
}

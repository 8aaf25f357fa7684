package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wedgewatch.rules.Template.Part;

/**
 * Parses the list format (docs/list-format.md) in one pass, collecting every problem with its
 * line and column in words a list maintainer understands. A list with any problem is not loaded.
 */
public final class ListParser {
    private static final String[] HEADERS = {
        "title", "id", "description", "homepage", "maintainer", "license", "version", "expires",
    };
    private static final String RULE_KEYS = "family, action, explain, match, except, warn, pass";

    private final Limits limits;
    private final List<Problem> problems = new ArrayList<>();
    private final PatternList list = new PatternList();
    private final List<Template> allTemplates = new ArrayList<>();
    private final Map<String, Rule> rulesById = new HashMap<>();
    private final boolean[] seenHeader = new boolean[HEADERS.length];
    private TermGroup group;
    private Rule rule;
    private boolean bodyStarted;
    private int lineNo;

    private ListParser(Limits limits) {
        this.limits = limits;
    }

    public static ParseResult parse(String text) {
        return parse(text, Limits.DEFAULT);
    }

    public static ParseResult parse(String text, Limits limits) {
        ListParser p = new ListParser(limits);
        int bytes = utf8Length(text);
        if (bytes > limits.maxBytes) {
            p.problem(1, 1, "the list is " + bytes + " bytes; the limit is " + limits.maxBytes + " bytes");
            return new ParseResult(null, p.problems);
        }
        p.parseLines(text);
        p.finish();
        return new ParseResult(p.list, p.problems);
    }

    private void parseLines(String text) {
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            lineNo++;
            parseLine(line);
            if (nl < 0) break;
            start = nl + 1;
        }
    }

    private void parseLine(String line) {
        if (line.trim().isEmpty()) return;
        char first = line.charAt(0);
        if (first == '!') {
            header(line);
        } else if (first == ' ' || first == '\t') {
            int indent = 0;
            while (line.charAt(indent) == ' ' || line.charAt(indent) == '\t') indent++;
            if (rule != null) ruleProperty(line, indent);
            else if (group != null && line.startsWith("refer:", indent)) groupRefer(line.substring(indent + 6), indent + 6);
            else if (group != null && line.startsWith("tail:", indent)) groupTails(line.substring(indent + 5), indent + 5);
            else if (group != null) groupTerms(line.substring(indent), indent);
            else problem(lineNo, indent + 1, "this indented line belongs to no rule or group above it");
        } else {
            group = null;
            rule = null;
            bodyStarted = true;
            if (line.startsWith("group ") || line.equals("group")) {
                startGroup(line);
            } else if (line.startsWith("rule ") || line.equals("rule")) {
                startRule(line);
            } else if (line.startsWith("except")) {
                Exemption e = exemption(line, 0);
                if (e != null) list.exemptions.add(e);
            } else {
                problem(lineNo, 1, "a line must start with 'group', 'rule', 'except' or '!' (a comment); "
                        + "lines that belong to a rule are indented");
            }
        }
    }

    private void header(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) return; // a comment
        String key = line.substring(1, colon).trim().toLowerCase(Locale.ROOT);
        int index = -1;
        for (int i = 0; i < HEADERS.length; i++) {
            if (HEADERS[i].equals(key)) index = i;
        }
        if (index < 0) return; // a comment that happens to hold a colon
        if (bodyStarted) {
            problem(lineNo, 1, "the '! " + key + ":' header must come at the top, before any group or rule");
            return;
        }
        if (seenHeader[index]) {
            problem(lineNo, 1, "the '! " + key + ":' header is given twice");
            return;
        }
        seenHeader[index] = true;
        String value = line.substring(colon + 1).trim();
        int valueColumn = colon + 2 + leadingSpaces(line.substring(colon + 1));
        switch (key) {
            case "title": list.title = value; break;
            case "description": list.description = value; break;
            case "homepage": list.homepage = value; break;
            case "maintainer": list.maintainer = value; break;
            case "license": list.license = value; break;
            case "id":
                if (!isListId(value)) {
                    problem(lineNo, valueColumn, "the list id '" + value + "' must be 1 to 64 lower-case letters, "
                            + "digits or '-', starting with a letter or digit");
                }
                list.id = value;
                break;
            case "version":
                long v = parsePositive(value);
                if (v < 1) problem(lineNo, valueColumn, "the version must be a whole number of at least 1, not '" + value + "'");
                list.version = v;
                break;
            default: // expires
                int hours = parseExpiry(value);
                if (hours < 1) {
                    problem(lineNo, valueColumn, "expires must be like '12 hours' or '4 days', between 1 hour and 30 days; "
                            + "found '" + value + "'");
                }
                list.expiresHours = hours;
        }
    }

    private void startGroup(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            problem(lineNo, 1, "write a group as 'group NAME: term, term, ...'");
            return;
        }
        String name = line.substring(6 > colon ? colon : 6, colon).trim();
        if (!isName(name)) {
            problem(lineNo, 7, "'" + name + "' is not a group name; use letters, digits, '-' or '_'");
            return;
        }
        if (list.groups.containsKey(name)) {
            problem(lineNo, 7, "the group '" + name + "' is already defined on line " + list.groups.get(name).line);
            return;
        }
        group = new TermGroup(name, lineNo);
        list.groups.put(name, group);
        groupTerms(line.substring(colon + 1), colon + 1);
    }

    /** One comma-separated entry of a group line, trimmed, its words and column; false stops the line. */
    private interface Entry {
        boolean take(String term, String[] words, int column);
    }

    /** Hands each non-empty comma-separated entry of {@code text} to {@code entry}, with its column. */
    private void eachEntry(String text, int offset, Entry entry) {
        int start = 0;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            String term = text.substring(start, end);
            if (!term.trim().isEmpty()
                    && !entry.take(term.trim(), Normalizer.words(term), offset + start + leadingSpaces(term) + 1)) {
                return;
            }
            if (comma < 0) break;
            start = comma + 1;
        }
    }

    private void groupTerms(String text, int offset) {
        eachEntry(text, offset, (term, words, column) -> {
            if (term.startsWith("{") && term.endsWith("}")) {
                include(term.substring(1, term.length() - 1).trim(), column);
            } else if (words.length == 0) {
                problem(lineNo, column, "the term '" + term + "' has no letters or digits to match");
            } else if (words.length > Limits.MAX_TERM_WORDS) {
                problem(lineNo, column, "the term '" + term + "' has " + words.length + " words; a term has at most "
                        + Limits.MAX_TERM_WORDS);
            } else if (group.written >= limits.maxGroupTerms) { // as written: plurals do not count
                problem(lineNo, column, "the group '" + group.name + "' has more than " + limits.maxGroupTerms + " terms");
                return false;
            } else {
                group.written++;
                addWithNumberVariants(group.terms, words);
            }
            return true;
        });
    }

    /** "{faction}" among a group's terms: that group, defined above, is part of this one. */
    private void include(String name, int column) {
        TermGroup included = list.groups.get(name);
        if (included == null || included == group) {
            problem(lineNo, column, "no group '" + name + "' is defined above this line");
        } else if (!group.includes.contains(included)) {
            group.includes.add(included);
        }
    }

    /**
     * "refer: they, them": words that stand for the group once one of its terms came earlier in the
     * post ("Don't talk to me about progressives. They lost us the election"); "/" lets a sentence
     * with no target of its own be about it ("Progressives? Kremlin puppets.").
     */
    private void groupRefer(String text, int offset) {
        eachEntry(text, offset, (term, words, column) -> {
            if (term.equals(TermGroup.SENTENCE)) {
                if (!group.refer.contains(term)) group.refer.add(term);
            } else if (words.length != 1) {
                problem(lineNo, column, "'" + term + "' must be one word (a pronoun such as 'they')");
            } else if (group.refer.size() >= Limits.MAX_REFER_WORDS) {
                problem(lineNo, column, "the group '" + group.name + "' has more than " + Limits.MAX_REFER_WORDS
                        + " refer words");
                return false;
            } else {
                group.refer.add(words[0]);
            }
            return true;
        });
    }

    /** "tail: crowd, people": words that may follow any term of the group as part of it. */
    private void groupTails(String text, int offset) {
        eachEntry(text, offset, (term, words, column) -> {
            if (words.length == 0 || words.length > Limits.MAX_TAIL_WORDS) {
                problem(lineNo, column, "'" + term + "' must be 1 to " + Limits.MAX_TAIL_WORDS + " words");
            } else if (group.tailsWritten >= Limits.MAX_TAILS) { // as written: plurals do not count
                problem(lineNo, column, "the group '" + group.name + "' has more than " + Limits.MAX_TAILS + " tails");
                return false;
            } else {
                group.tailsWritten++;
                addWithNumberVariants(group.tails, words);
            }
            return true;
        });
    }

    /** Group terms match singular and plural: "leftist" and "leftists", "Berniebro" and "Berniebros". */
    private static void addWithNumberVariants(List<String[]> terms, String[] words) {
        addIfNew(terms, words);
        String last = words[words.length - 1];
        String other = Plurals.otherNumber(last);
        if (other != null) {
            String[] variant = words.clone();
            variant[variant.length - 1] = Normalizer.collapseRepeats(other);
            addIfNew(terms, variant);
        }
    }

    private static void addIfNew(List<String[]> terms, String[] words) {
        for (String[] t : terms) {
            if (java.util.Arrays.equals(t, words)) return;
        }
        terms.add(words);
    }

    private void startRule(String line) {
        String id = line.substring(Math.min(5, line.length())).trim();
        if (!isName(id)) {
            problem(lineNo, 6, "'" + id + "' is not a rule id; use letters, digits, '.', '-' or '_'");
            return;
        }
        Rule existing = rulesById.get(id);
        if (existing != null) {
            problem(lineNo, 6, "the rule id '" + id + "' is already used on line " + existing.line);
            return;
        }
        if (list.rules.size() >= limits.maxRules) {
            problem(lineNo, 1, "the list has more than " + limits.maxRules + " rules");
            return;
        }
        rule = new Rule(id, lineNo);
        list.rules.add(rule);
        rulesById.put(id, rule);
    }

    private void ruleProperty(String line, int indent) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            problem(lineNo, indent + 1, "expected 'key: value' with one of: " + RULE_KEYS);
            return;
        }
        String key = line.substring(indent, colon).trim();
        String value = line.substring(colon + 1).trim();
        int valueColumn = colon + 2 + leadingSpaces(line.substring(colon + 1));
        switch (key) {
            case "family":
                if (value.isEmpty()) problem(lineNo, valueColumn, "the family is empty");
                rule.family = value;
                break;
            case "explain":
                if (value.isEmpty()) problem(lineNo, valueColumn, "the explanation is empty");
                else if (value.length() > 300) problem(lineNo, valueColumn, "keep the explanation under 300 characters");
                rule.explanation = value;
                break;
            case "action":
                Action a = Action.parse(value);
                if (a == null) problem(lineNo, valueColumn, "the action must be label, blur or hide, not '" + value + "'");
                else rule.action = a;
                break;
            case "match":
                Template t = template(value, valueColumn);
                if (t != null) rule.templates.add(t);
                break;
            case "warn":
            case "pass":
                if (value.isEmpty()) problem(lineNo, valueColumn, "the example text is empty");
                (key.equals("warn") ? rule.warnExamples : rule.passExamples).add(new Rule.Example(value, lineNo));
                break;
            default:
                if (key.startsWith("except")) {
                    Exemption e = exemption(line, indent);
                    if (e != null) rule.exemptions.add(e);
                } else {
                    problem(lineNo, indent + 1, "unknown key '" + key + "'; a rule takes: " + RULE_KEYS);
                }
        }
    }

    private Exemption exemption(String line, int indent) {
        int colon = line.indexOf(':');
        String place = colon < 0 ? "?" : line.substring(indent + 6, colon).trim();
        Exemption.Place where;
        if (place.isEmpty()) where = Exemption.Place.OVER;
        else if (place.equals("before")) where = Exemption.Place.BEFORE;
        else if (place.equals("after")) where = Exemption.Place.AFTER;
        else {
            problem(lineNo, indent + 1, "write 'except: words', 'except before: words' or 'except after: words'");
            return null;
        }
        String value = line.substring(colon + 1);
        Template t = template(value.trim(), colon + 2 + leadingSpaces(value));
        return t == null ? null : new Exemption(where, t);
    }

    private Template template(String text, int column) {
        Template t = TemplateParser.parse(text, lineNo, column, limits, problems);
        if (t != null) allTemplates.add(t);
        return t;
    }

    /** Checks what needs the whole file: headers, group references, rule completeness, expansion sizes. */
    private void finish() {
        if (!seenHeader[0]) problem(1, 1, "the list has no '! Title:' header");
        if (!seenHeader[1]) problem(1, 1, "the list has no '! Id:' header");
        if (!seenHeader[6]) problem(1, 1, "the list has no '! Version:' header");
        for (Rule r : list.rules) {
            if (r.templates.isEmpty()) problem(r.line, 1, "the rule '" + r.id + "' has no 'match:' template");
            if (r.explanation.isEmpty()) problem(r.line, 1, "the rule '" + r.id + "' has no 'explain:' line");
            if (r.family.isEmpty()) problem(r.line, 1, "the rule '" + r.id + "' has no 'family:' line");
        }
        long total = 0;
        for (Template t : allTemplates) {
            if (!groupsKnown(t.parts, t.line)) continue;
            long n = Expander.count(t, list.groups, limits.maxPhrasesPerTemplate);
            if (n > limits.maxPhrasesPerTemplate) {
                problem(t.line, t.column, "this template expands to more than " + limits.maxPhrasesPerTemplate
                        + " phrases; split it into several rules or use smaller groups");
            }
            total += n;
        }
        if (total > limits.maxPhrasesPerList) {
            problem(1, 1, "the list expands to " + total + " phrases; the limit is " + limits.maxPhrasesPerList);
        }
    }

    private boolean groupsKnown(List<Part> parts, int line) {
        boolean ok = true;
        for (Part p : parts) {
            if (p.kind == Part.GROUP && !list.groups.containsKey(p.group)) {
                problem(line, templateColumn(p), "there is no group named '" + p.group + "'" + suggestion(p.group));
                ok = false;
            }
            for (List<Part> alt : p.alternatives) ok &= groupsKnown(alt, line);
        }
        return ok;
    }

    private int templateColumn(Part p) {
        for (Template t : allTemplates) {
            if (containsPart(t.parts, p)) return t.column + p.column;
        }
        return 1;
    }

    private static boolean containsPart(List<Part> parts, Part target) {
        for (Part p : parts) {
            if (p == target) return true;
            for (List<Part> alt : p.alternatives) {
                if (containsPart(alt, target)) return true;
            }
        }
        return false;
    }

    private String suggestion(String name) {
        Map<String, TermGroup> groups = list.groups;
        if (groups.isEmpty()) return "; define it with 'group " + name + ": ...'";
        StringBuilder sb = new StringBuilder("; defined groups: ");
        boolean first = true;
        for (String g : groups.keySet()) {
            if (!first) sb.append(", ");
            sb.append(g);
            first = false;
        }
        return sb.toString();
    }

    private void problem(int line, int column, String message) {
        problems.add(new Problem(line, column, message));
    }

    static boolean isName(String s) {
        if (s.isEmpty() || s.length() > 64) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!ok) return false;
        }
        return true;
    }

    /** List ids appear in URLs and file names: lower-case letters, digits and '-' only. */
    public static boolean isListId(String s) {
        if (s.isEmpty() || s.length() > 64 || s.charAt(0) == '-') return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
        }
        return true;
    }

    private static long parsePositive(String s) {
        if (s.isEmpty() || s.length() > 15) return -1;
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** "12 hours", "4 days", "1 day", "6h", "2d" into hours; -1 when not understood or out of range. */
    static int parseExpiry(String s) {
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        long n = parsePositive(s.substring(0, i));
        String unit = s.substring(i).trim().toLowerCase(Locale.ROOT);
        long hours;
        if (unit.equals("h") || unit.equals("hour") || unit.equals("hours")) hours = n;
        else if (unit.equals("d") || unit.equals("day") || unit.equals("days")) hours = n * 24;
        else return -1;
        return n < 1 || hours > 30 * 24 ? -1 : (int) hours;
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i;
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) bytes++;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else bytes += 3;
        }
        return bytes;
    }
}

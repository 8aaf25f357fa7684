package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a post got its verdict, for the people who keep lists: the words the engine read, each rule
 * that matched, each match a cue or exception cancelled, and for a post nothing matched, the rule
 * that came closest and the word where it stopped.
 */
public final class Explanation {
    /** A match that did not count, and what cancelled it. */
    public static final class Cancelled {
        public final Match match;
        /** The cancelling template as written, or null when quotation marks or an echoed question cancelled it. */
        public final String by;
        /** The words of the post that cancelled it, or null. */
        public final String words;
        /** "before", "after", "over" (where the exception stood), "quoted", or "asked" (an echoed question). */
        public final String place;

        Cancelled(Match match, String by, String words, String place) {
            this.match = match;
            this.by = by;
            this.words = words;
            this.place = place;
        }
    }

    public List<Match> matches = new ArrayList<>();
    public final List<String> tokens = new ArrayList<>();
    public final List<Cancelled> cancelled = new ArrayList<>();
    /** Words that endorse a reported claim ("he was right"), which keep reported-speech cues from cancelling. */
    public String confirmedBy;
    /** For a post with no match: the rule ("list/rule") that came closest, its words matched, and the word it stopped at. */
    public String closestRule;
    public String closestMatched;
    public String stoppedAt;

    void cancelled(Match m, String by, String words, String place) {
        for (Cancelled c : cancelled) {
            if (c.match.ruleId.equals(m.ruleId) && c.match.listId.equals(m.listId)) return; // once per rule
        }
        cancelled.add(new Cancelled(m, by, words, place));
    }
}

package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.List;

/** A named set of words and phrases, such as the left-faction targets, referenced as {name} in templates. */
final class TermGroup {
    final String name;
    final int line;
    /** How many terms the list wrote; {@link #terms} also holds their singular or plural. */
    int written;
    /** Each term already normalized into words. */
    final List<String[]> terms = new ArrayList<>();
    /** "/" among the refer words: a sentence with no target of its own can be about the group. */
    static final String SENTENCE = "/";
    /** Single words that stand for the group after one of its terms ("they"), and maybe {@link #SENTENCE}. */
    final List<String> refer = new ArrayList<>();
    /** Words that may follow any term as part of it ("crowd": "Biden's crowd", "the Squad crowd"). */
    final List<String[]> tails = new ArrayList<>();
    int tailsWritten;
    /**
     * Groups written as "{faction}" among the terms: each of their terms, tails and refer words
     * stands for this group too, as it does for its own ("group target: {faction}, {party}").
     */
    final List<TermGroup> includes = new ArrayList<>();

    TermGroup(String name, int line) {
        this.name = name;
        this.line = line;
    }
}

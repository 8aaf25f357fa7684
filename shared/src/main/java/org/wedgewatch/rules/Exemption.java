package org.wedgewatch.rules;

/**
 * An "except" clause: a wording that cancels a rule's match when it stands over, just before or
 * just after it, as in "the lie that leftists are the real racists".
 */
public final class Exemption {
    /** Where the exempting words must stand relative to the match. */
    public enum Place { OVER, BEFORE, AFTER }

    public final Place place;
    public final Template template;

    Exemption(Place place, Template template) {
        this.place = place;
        this.template = template;
    }
}

package org.wedgewatch.rules;

/** What the extension does with a flagged post. The reader can always reveal it. */
public enum Action {
    LABEL, BLUR, HIDE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Returns the action named by {@code word} (label, blur, hide), or null. */
    public static Action parse(String word) {
        for (Action a : values()) {
            if (a.id().equals(word)) return a;
        }
        return null;
    }
}

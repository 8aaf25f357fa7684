package org.wedgewatch.server.web;

/**
 * Builds an HTML page as text. Everything that did not come from our own templates goes through
 * {@link #text}, so a list or a report that contains markup shows as inert characters.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    /** Markup we wrote ourselves. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Text from anywhere else: escaped for element content and quoted attribute values alike. */
    public Html text(Object value) {
        out.append(escape(String.valueOf(value)));
        return this;
    }

    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            b.append(r);
        }
        return b == null ? s : b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}

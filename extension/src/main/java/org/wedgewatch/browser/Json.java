package org.wedgewatch.browser;

/** The little JSON the facade writes: strings escaped by hand, since the engine must not need a library. */
final class Json {
    private final StringBuilder sb = new StringBuilder();

    Json raw(String s) {
        sb.append(s);
        return this;
    }

    Json str(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append("\\u");
                        String hex = Integer.toHexString(c);
                        for (int k = hex.length(); k < 4; k++) sb.append('0');
                        sb.append(hex);
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
        return this;
    }

    Json key(String k) {
        return str(k).raw(":");
    }

    Json num(long n) {
        sb.append(n);
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}

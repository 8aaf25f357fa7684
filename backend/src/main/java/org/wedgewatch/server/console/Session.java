package org.wedgewatch.server.console;

import org.wedgewatch.server.Tokens;

/** A signed-in maintainer: the token they signed in with, its group and role, and the form token of the session. */
record Session(String tokenId, String group, String label, String role, String csrf) {
    static final String ADMIN = "admin";
    static final String MAINTAINER = "maintainer";

    boolean admin() {
        return ADMIN.equals(role);
    }

    Tokens.Publisher publisher() {
        return new Tokens.Publisher(tokenId, group, label);
    }

    /** How the audit log names this maintainer, as the API does for a publish. */
    String who() {
        return publisher().who();
    }
}

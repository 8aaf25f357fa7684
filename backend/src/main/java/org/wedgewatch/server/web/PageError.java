package org.wedgewatch.server.web;

/** A page that cannot be shown: its status and a message already in the reader's language. */
public final class PageError extends RuntimeException {
    public final int status;

    public PageError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}

package org.wedgewatch.server;

/** Something only the operator can fix (a missing key, an unusable folder), said in one line. */
public final class OperatorError extends RuntimeException {
    public OperatorError(String message) {
        super(message, null, false, false); // the message is the whole story
    }
}

package org.wedgewatch.server;

import java.util.List;
import java.util.Map;
import org.wedgewatch.rules.Problem;

/** A request that cannot succeed: its HTTP status, what went wrong, and where in the body. */
public final class ApiError extends RuntimeException {
    public final int status;
    public final List<Problem> problems;
    public final Map<String, String> headers;

    public ApiError(int status, String message) {
        this(status, message, List.of(), Map.of());
    }

    public ApiError(int status, String message, List<Problem> problems) {
        this(status, message, problems, Map.of());
    }

    public ApiError(int status, String message, List<Problem> problems, Map<String, String> headers) {
        super(message, null, false, false); // no stack trace: these are expected outcomes
        this.status = status;
        this.problems = problems;
        this.headers = headers;
    }
}

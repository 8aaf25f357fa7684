package org.wedgewatch.server;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Errors Jetty raises before Javalin sees the request (a bad URI, ambiguous path segments) still come back as our JSON. */
final class JsonErrorHandler extends ErrorHandler {
    /** Jetty words some messages with the exception's class; those say nothing to a client and leak internals. */
    private static final Pattern INTERNAL = Pattern.compile("\\b(org|java|javax|jakarta|com)\\.[a-z]|[A-Za-z](Exception|Error)\\b");

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String text = message == null || message.isBlank() || INTERNAL.matcher(message).find()
                ? "the request was refused (HTTP " + code + ")" : message;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(Json.error(text, List.of())), callback);
    }
}

package org.wedgewatch.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.wedgewatch.rules.Problem;

/**
 * Reads a request body defensively: bounded in size (413) and in time (408), so neither a huge
 * upload nor a client that drips one byte a second can tie up the server.
 */
final class RequestBody {
    private static final Map<String, String> CLOSE = Map.of("Connection", "close");
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "request-body-deadlines");
        t.setDaemon(true);
        return t;
    });

    private RequestBody() {
    }

    static byte[] read(Context ctx, int maxBytes, Duration timeout) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw tooLarge(maxBytes);
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buf = new byte[16384];
        // The deadline holds even while a read blocks: a client that sends one byte just before
        // each idle timeout would otherwise keep the thread as long as it likes.
        EndPoint endPoint = endPoint(ctx);
        // At the deadline an almost-zero idle timeout fails the blocked read, and the 408 can still be sent.
        ScheduledFuture<?> cutOff = endPoint == null ? null
                : DEADLINES.schedule(() -> endPoint.setIdleTimeout(1), timeout.toNanos(), TimeUnit.NANOSECONDS);
        try (InputStream in = ctx.req().getInputStream()) {
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                if (out.size() > maxBytes) throw tooLarge(maxBytes);
                if (System.nanoTime() > deadline) throw slow(timeout);
            }
        } catch (IOException e) {
            // Jetty's idle timeout or our cut-off ends a read that waits too long; a reset client lands here too.
            throw slow(timeout);
        } finally {
            if (cutOff != null) cutOff.cancel(false);
        }
        return out.toByteArray();
    }

    private static EndPoint endPoint(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request == null ? null : request.getConnectionMetaData().getConnection().getEndPoint();
    }

    private static ApiError tooLarge(int maxBytes) {
        return new ApiError(413, "the body is larger than the limit of " + maxBytes + " bytes", List.of(), CLOSE);
    }

    private static ApiError slow(Duration timeout) {
        return new ApiError(408, "the body did not arrive within " + timeout.toSeconds() + " seconds", List.of(), CLOSE);
    }

    /** Strict UTF-8; malformed input is a 422 naming the line and column of the first bad byte. */
    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++; // count characters, not continuation bytes
                }
            }
            throw new ApiError(422, "the body is not valid UTF-8",
                    List.of(new Problem(line, column, "malformed UTF-8 byte 0x"
                            + String.format(java.util.Locale.ROOT, "%02X", bytes[bad] & 0xFF) + " at byte offset " + bad)));
        }
        decoder.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}

package org.wedgewatch.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the anonymous request bodies read at once, per client address and in all, so slow or
 * many clients can hold only a few of the pool's threads: the rest stay free for /health, the
 * catalogue and maintainers. Over a cap the request is refused at once, before its body is read.
 */
final class BodyGate {
    private static final Map<String, String> CLOSE_AND_RETRY = Map.of("Connection", "close", "Retry-After", "10");

    private final int perClient;
    private final Semaphore total;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    BodyGate(int perClient, int total) {
        this.perClient = perClient;
        this.total = new Semaphore(total);
    }

    /** A held place; closing it gives the place back. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    Pass enter(String client) {
        AtomicInteger mine = inFlight.computeIfAbsent(client, c -> new AtomicInteger());
        if (mine.incrementAndGet() > perClient) {
            leave(client, mine);
            throw new ApiError(429, "this address already has " + perClient + " requests being read; wait for them",
                    List.of(), CLOSE_AND_RETRY);
        }
        if (!total.tryAcquire()) {
            leave(client, mine);
            throw new ApiError(503, "the server is reading as many anonymous requests as it takes at once; try again shortly",
                    List.of(), CLOSE_AND_RETRY);
        }
        return () -> {
            total.release();
            leave(client, mine);
        };
    }

    private void leave(String client, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) inFlight.remove(client, mine);
    }
}

package org.wedgewatch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of clients that send report bodies a byte at a time, from as many addresses, with the
 * production body deadline: /health, the catalogue and the list are still answered throughout.
 * No timing is asserted: each probe either gets its answer within a generous deadline or not.
 */
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 300;

    @Test
    void slowReportersDoNotStallHealthOrListReads() throws Exception {
        try (TestServer s = TestServer.start(null, c -> {
            c.bodyReadTimeout = new ServerConfig().bodyReadTimeout;
            c.idleTimeout = new ServerConfig().idleTimeout;
            c.trustForwardedFor = true; // every slow client its own address: per-address caps alone cannot help
        })) {
            String token = s.token("coalition");
            assertEquals(201, s.http.publish("steady", token, TestLists.valid("steady", 1)).statusCode());
            int port = s.server.port();
            AtomicBoolean attacking = new AtomicBoolean(true);
            AtomicInteger refused = new AtomicInteger();
            ExecutorService slow = Executors.newFixedThreadPool(SLOW_CLIENTS);
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                String address = "198.18." + (i / 250) + "." + (i % 250 + 1);
                slow.submit(() -> dripUntilStopped(port, address, attacking, refused));
            }
            Thread.sleep(2_000); // let them all connect and start dripping
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            int answered = 0;
            int asked = 0;
            for (int round = 0; round < 5; round++) {
                for (String path : List.of("/health", "/api/v1/lists", "/api/v1/lists/steady")) {
                    asked++;
                    try {
                        HttpResponse<String> r = probe.send(HttpRequest.newBuilder(URI.create(s.http.base + path))
                                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) answered++;
                    } catch (IOException timedOut) {
                        // not answered within the deadline: counted below
                    }
                }
                Thread.sleep(500);
            }
            attacking.set(false);
            slow.shutdownNow();
            assertTrue(slow.awaitTermination(60, TimeUnit.SECONDS));
            assertEquals(asked, answered, "every probe answered while " + SLOW_CLIENTS + " clients dripped");
            assertTrue(refused.get() >= SLOW_CLIENTS / 2, "most slow clients were refused at once, not read: " + refused.get());
        }
    }

    /** Sends a report's headers and then one byte a second, reconnecting after each refusal. */
    private static void dripUntilStopped(int port, String address, AtomicBoolean attacking, AtomicInteger refused) {
        while (attacking.get()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(1_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(("POST /api/v1/lists/steady/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "X-Forwarded-For: " + address + "\r\nContent-Length: 10000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while (attacking.get()) {
                    try {
                        int b = in.read();
                        if (b < 0) break;
                        if (b == 'H') refused.incrementAndGet(); // the status line of a refusal
                        break;
                    } catch (java.net.SocketTimeoutException stillWaiting) {
                        out.write(' ');
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the server closed the connection: connect again
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

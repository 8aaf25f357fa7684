package org.wedgewatch.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client over java.net.http for tests: real requests against a running server. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return sendOnce(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> getText(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return sendOnce(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> publish(String id, String token, String body, String... headers) throws IOException, InterruptedException {
        return publishBytes(id, token, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<String> publishBytes(String id, String token, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request("/api/v1/lists/" + id).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "text/plain; charset=utf-8");
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return sendOnce(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return sendOnce(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return sendOnce(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends, and once more if a pooled connection turns out to have been closed by the server
     * (after an error it answered before reading a whole body, the server may close it) and no
     * response byte came back. A repeated publish could not pass unnoticed: versions only go up.
     */
    private static <T> HttpResponse<T> sendOnce(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        try {
            return CLIENT.send(request, body);
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("received no bytes")) throw e;
            return CLIENT.send(request, body);
        }
    }
}

package org.wedgewatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.wedgewatch.rules.ListCheck;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.PatternList;
import org.wedgewatch.rules.Problem;

/**
 * {@code publish --server URL --token TOKEN [--if-match VERSION] FILE}: checks the list locally
 * (same engine as the server), then PUTs it. The token may come from $WEDGEWATCH_TOKEN instead.
 */
public final class PublishCommand {
    static final String USAGE = "usage: publish --server URL [--token TOKEN | $WEDGEWATCH_TOKEN] [--if-match VERSION] FILE";

    private PublishCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        String server = null;
        String token = System.getenv("WEDGEWATCH_TOKEN");
        String ifMatch = null;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = ServeCommand.value(args, ++i, "--server").replaceAll("/+$", "");
                case "--token" -> token = ServeCommand.value(args, ++i, "--token");
                case "--if-match" -> ifMatch = ServeCommand.value(args, ++i, "--if-match");
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        err.println("unknown argument '" + args[i] + "'\n" + USAGE);
                        return 2;
                    }
                    file = args[i];
                }
            }
        }
        if (server == null || token == null || file == null) {
            err.println(USAGE);
            return 2;
        }
        byte[] bytes = Files.readAllBytes(Path.of(file));
        List<Problem> problems = ListCheck.problems(ListFiles.decodeUtf8(bytes));
        if (!problems.isEmpty()) {
            for (Problem p : problems) err.println(file + ":" + p);
            err.println("not published: fix the problems above (java -jar wedgewatch.jar check " + file + ")");
            return 1;
        }
        PatternList list = ListParser.parse(ListFiles.decodeUtf8(bytes)).list();
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server + "/api/v1/lists/" + list.id()))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (ifMatch != null) req.header("If-Match", "\"" + ifMatch + "\"");
        HttpResponse<String> resp = HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(resp.body().isEmpty() ? "{}" : resp.body());
        if (resp.statusCode() / 100 == 2) {
            out.println("published " + list.id() + " version " + body.path("version").asLong() + ": " + body.path("url").asText());
            return 0;
        }
        err.println("HTTP " + resp.statusCode() + ": " + body.path("error").asText(resp.body()));
        for (JsonNode p : body.path("problems")) {
            err.println(file + ":" + p.path("line").asInt() + ":" + p.path("column").asInt() + ": " + p.path("message").asText());
        }
        return 1;
    }
}

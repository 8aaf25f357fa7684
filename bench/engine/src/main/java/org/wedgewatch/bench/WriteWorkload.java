package org.wedgewatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the engine benchmark's inputs (the generated list and its texts, one per line) to a
 * folder, so the browser engine's benchmark in Node measures the very same work.
 */
public final class WriteWorkload {
    private WriteWorkload() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench/workload");
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Workload w = new Workload(rules, EngineBench.TEXTS, EngineBench.SEED);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("list.txt"), w.listText, StandardCharsets.UTF_8);
        Files.write(dir.resolve("texts.txt"), java.util.Arrays.asList(w.texts), StandardCharsets.UTF_8);
        Files.write(dir.resolve("phrases.txt"), w.phrases, StandardCharsets.UTF_8);
        System.out.println("wrote " + dir + ": " + rules + " rules, " + w.phrases.size() + " phrases, " + w.texts.length + " texts");
    }
}

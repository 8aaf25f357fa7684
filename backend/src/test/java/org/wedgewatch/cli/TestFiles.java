package org.wedgewatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository's files; Maven runs them from the backend folder. */
final class TestFiles {
    private TestFiles() {
    }

    static Path repo() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("lists")) ? here : here.getParent();
    }

    static Path defaultList() {
        return repo().resolve("lists/coalition-defense.txt");
    }

    /** The shared/ folder cloned next to the repository. */
    static Path shared() {
        return repo().getParent().resolve("shared");
    }

    static Path vectors() {
        return repo().resolve("shared/src/test/resources/vectors.jsonl");
    }

    /** A PrintStream that collects what is printed, read back with {@link Captured#text()}. */
    static final class Captured {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}

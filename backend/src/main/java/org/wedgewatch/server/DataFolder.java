package org.wedgewatch.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** The data folder must exist (or be creatable) and take a write before anything starts. */
public final class DataFolder {
    private DataFolder() {
    }

    static void requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new OperatorError("the data folder " + dir.toAbsolutePath() + " is not usable (" + reason(e)
                    + "); make it a writable directory or pass --data DIR");
        }
    }

    /** A file error for an operator: which file and why, in one line. */
    public static String describe(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
        return file + reason(e);
    }

    /** The operating system's reason, in words; Java's exception names mean nothing to an operator. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) return "a file is in the way";
        if (e instanceof NoSuchFileException) return "a parent folder does not exist";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}

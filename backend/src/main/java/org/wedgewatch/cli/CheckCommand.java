package org.wedgewatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.wedgewatch.rules.ListCheck;
import org.wedgewatch.rules.ListParser;
import org.wedgewatch.rules.PatternList;
import org.wedgewatch.rules.Problem;

/** {@code check FILE...}: validates lists and runs their examples. Exit 1 on any problem. */
public final class CheckCommand {
    private CheckCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: check FILE...");
            return 2;
        }
        int failed = 0;
        for (String name : args) {
            if (!checkFile(Path.of(name), name, out)) failed++;
        }
        if (failed > 0) err.println(failed + " of " + args.length + " list(s) have problems");
        return failed > 0 ? 1 : 0;
    }

    private static boolean checkFile(Path path, String name, PrintStream out) {
        String text;
        try {
            text = ListFiles.decodeUtf8(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            out.println(name + ":1:1: no such file");
            return false;
        } catch (CharacterCodingException e) {
            out.println(name + ":1:1: the file is not valid UTF-8");
            return false;
        } catch (IOException e) {
            out.println(name + ":1:1: cannot read the file: " + e.getMessage());
            return false;
        }
        List<Problem> problems = ListCheck.problems(text);
        for (Problem p : problems) out.println(name + ":" + p);
        if (problems.isEmpty()) {
            PatternList list = ListParser.parse(text).list();
            int examples = 0;
            for (var r : list.rules()) examples += r.warnExamples().size() + r.passExamples().size();
            out.println(name + ": ok, list '" + list.id() + "' version " + list.version() + ", " + list.rules().size()
                    + " rules, " + examples + " examples pass");
        }
        return problems.isEmpty();
    }
}

package org.wedgewatch.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.wedgewatch.server.Database;
import org.wedgewatch.server.Tokens;

/** {@code token create --group NAME [--label WHO]} and {@code token revoke ID}, straight on the database. */
public final class TokenCommand {
    static final String USAGE = String.join("\n",
            "usage: token create --group NAME [--label WHO] [--db JDBC_URL] [--data DIR]",
            "       token revoke TOKEN_ID [--db JDBC_URL] [--data DIR]");

    private TokenCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        String group = null;
        String label = null;
        String id = null;
        String db = null;
        Path data = Path.of("data");
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--group" -> group = ServeCommand.value(args, ++i, "--group");
                case "--label" -> label = ServeCommand.value(args, ++i, "--label");
                case "--db" -> db = ServeCommand.value(args, ++i, "--db");
                case "--data" -> data = Path.of(ServeCommand.value(args, ++i, "--data"));
                default -> {
                    if (args[i].startsWith("--") || id != null) {
                        err.println("unknown argument '" + args[i] + "'\n" + USAGE);
                        return 2;
                    }
                    id = args[i];
                }
            }
        }
        try (Database database = Database.open(db != null ? db : Database.defaultUrl(data))) {
            switch (args[0]) {
                case "create" -> {
                    if (group == null) {
                        err.println("token create needs --group NAME\n" + USAGE);
                        return 2;
                    }
                    Tokens.Created t = Tokens.create(database, group, label);
                    out.println("token id: " + t.id() + " (group " + t.group() + ")");
                    out.println("token:    " + t.secret());
                    out.println("This is the only time the token is shown; it is stored hashed. Revoke with: token revoke " + t.id());
                    return 0;
                }
                case "revoke" -> {
                    if (id == null) {
                        err.println("token revoke needs the token id\n" + USAGE);
                        return 2;
                    }
                    if (!Tokens.revoke(database, id)) {
                        err.println("no live token with id '" + id + "'");
                        return 1;
                    }
                    out.println("revoked " + id);
                    return 0;
                }
                default -> {
                    err.println("unknown token command '" + args[0] + "'\n" + USAGE);
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}

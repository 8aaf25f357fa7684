package org.wedgewatch;

import java.util.Arrays;
import org.wedgewatch.cli.CheckCommand;
import org.wedgewatch.cli.ClustersCommand;
import org.wedgewatch.cli.EvalCommand;
import org.wedgewatch.cli.ExplainCommand;
import org.wedgewatch.cli.KeysCommand;
import org.wedgewatch.cli.MatchCommand;
import org.wedgewatch.cli.PublishCommand;
import org.wedgewatch.cli.ServeCommand;
import org.wedgewatch.cli.TokenCommand;

/** One jar, several tools: the list tool for maintainers and the list server. */
public final class Main {
    private static final String USAGE = String.join("\n",
        "usage: java -jar wedgewatch.jar COMMAND [ARGS]",
        "  check FILE...                      validate lists and run their examples",
        "  match --list FILE [--list FILE]... judge JSON Lines or plain text lines from stdin",
        "  eval [--list FILE] [--shared DIR] [FILE.jsonl...]  measure a list on the corpora, or on labelled JSON Lines",
        "  clusters [DIR] [--top N]           largest near-duplicate clusters in the corpora",
        "  serve [--port 8080] [--db JDBC_URL] [--data DIR]  run the list server (SQLite under ./data by default)",
        "  token create --group NAME | token revoke ID       maintainer API tokens",
        "  explain --list FILE [TEXT]                       why one post warns or passes, rule by rule",
        "  keys init | root-key | root | certify | sign | activate   signing key, offline root, rotation",
        "  publish --server URL --token TOKEN FILE          check a list, then publish it",
        "");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int code;
        switch (args[0]) {
            case "check": code = CheckCommand.run(rest, System.out, System.err); break;
            case "match": code = MatchCommand.run(rest, System.in, System.out, System.err); break;
            case "eval": code = EvalCommand.run(rest, System.out, System.err); break;
            case "explain": code = ExplainCommand.run(rest, System.in, System.out, System.err); break;
            case "clusters": code = ClustersCommand.run(rest, System.out, System.err); break;
            case "serve": code = ServeCommand.run(rest, System.out, System.err); break;
            case "token": code = TokenCommand.run(rest, System.out, System.err); break;
            case "keys": code = KeysCommand.run(rest, System.out, System.err); break;
            case "publish": code = PublishCommand.run(rest, System.out, System.err); break;
            default:
                System.err.print("unknown command '" + args[0] + "'\n" + USAGE);
                code = 2;
        }
        if (code >= 0) System.exit(code); // a server returns -1 and keeps running
    }
}

package vn.iip.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Parsed arguments of one command: options with values, flags, and positional arguments. */
record CommandLine(String command, Map<String, String> options, Set<String> flags, List<String> positional) {

    static final String USAGE = String.join("\n",
            "usage: iip run [--config FILE] [--input DIR] [--warehouse DIR]",
            "       iip sql [--config FILE] [--warehouse DIR] [--csv] \"SQL\"",
            "       iip inspect [--rows N] FILE   (what the readers make of one file; no Spark, no warehouse)",
            "       iip serve [--config FILE] [--warehouse DIR] [--port N] [--bind ADDR]   (read-only SQL endpoint:"
                    + " Spark Connect on 127.0.0.1:15002; another address needs IIP_SERVE_TOKEN)",
            "       iip publish-bi [--config FILE] [--warehouse DIR] --jdbc-url URL [--user USER]"
                    + " [--password-env VARIABLE]   (copy gold into the PostgreSQL BI mart iip_mart)",
            "  --input      folder (any Hadoop URI) of extract files; default: the samples bundled in the jar",
            "  --warehouse  warehouse folder or URI; default: ./warehouse",
            "  --config     job configuration file (jobs/conf/*.properties, local path or Hadoop URI);"
                    + " the options above override it");

    /** For commands that take options only. */
    void requireNoArguments() {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument " + positional.get(0));
        }
    }

    static CommandLine parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        Map<String, String> options = new TreeMap<>();
        java.util.Set<String> flags = new java.util.TreeSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (valueOptions.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                options.put(arg, args[++i]);
            } else if (flagOptions.contains(arg)) {
                flags.add(arg);
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg + " for '" + args[0] + "'");
            } else {
                positional.add(arg);
            }
        }
        return new CommandLine(args[0], options, flags, positional);
    }

    /** A mistake in the command line: reported with the usage text, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

package dev.rewind.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code bench/rollback.sh} and {@code bench/deploy.sh} measure, on a {@link RollbackProject} each.
 *
 * @param dbBytes    target size of the shop database ({@code pg_database_size})
 * @param files      how many files the uploads directory holds
 * @param fileBytes  their total size
 * @param strategies the backup strategies to measure, each on a scenario of its own: {@code dump}, {@code clone}
 * @param repeat     how many times each way is measured per strategy (the report shows the median)
 * @param workRoot   where the temporary directory is made
 * @param cliJar     the rewind.jar run as {@code rewind}
 * @param appJar     the sample app's jar
 * @param via        how {@code bench/deploy.sh} deploys: {@code cli} ({@code rewind deploy} processes), {@code serve}
 *                   (the REST API of a running {@code rewind serve}), or both; empty for the other scripts
 */
record RollbackArgs(long dbBytes, int files, long fileBytes, List<String> strategies, int repeat, Path workRoot,
                    Path cliJar, Path appJar, List<String> via) {

    static final String CLI = "cli";
    static final String SERVE = "serve";

    private static final long BYTES_PER_FILE = 20 * 1024;

    /**
     * The defaults of {@code --strategy} and {@code --repeat}, which differ between the scripts, and whether the script
     * takes {@code --via} (bench/deploy.sh only; default both).
     */
    record Defaults(String strategy, int repeat, boolean via) {

        /** bench/rollback.sh's: both strategies, 3 repetitions each. */
        static final Defaults BOTH_THREE_TIMES = new Defaults("both", 3, false);

        /** bench/deploy.sh's: both strategies, 3 repetitions each, via the CLI and a running server. */
        static final Defaults DEPLOY = new Defaults("both", 3, true);

        Defaults(String strategy, int repeat) {
            this(strategy, repeat, false);
        }
    }

    /** The usage of {@code script} ({@code rollback.sh}, {@code deploy.sh}, {@code run.sh}): the same options. */
    static String usage(String script, Defaults defaults) {
        return """
                usage: bench/%1$s [--size 1g] [--files 10000] [--file-bytes 200m] [--strategy dump|clone|both]
                             %2$s [--repeat 3] [--work DIR]%5$s
                  --size        size of the generated shop database (pg_database_size), default 1g
                  --files       number of files in the uploads directory, default 10000
                  --file-bytes  their total size, default 20k per file (200m for 10000 files)
                  --strategy    the backup strategy of the datastore db, default %3$s (both: one scenario each)
                  --repeat      how many times each way is measured per strategy; the tables show the median, default %4$d
                  --work        parent of the temporary working directory, default the system temp directory
                """.formatted(script, " ".repeat(script.length()), defaults.strategy(), defaults.repeat(),
                        defaults.via() ? " [--via cli|serve|both]" : "")
                + (defaults.via() ? """
                  --via         how the deploy is measured: cli (`rewind deploy` processes), serve (POST to a running
                                `rewind serve`) or both, default both
                """ : "");
    }

    /** {@code cliJar} and {@code appJar} come from the launcher (system properties), the rest from the command line. */
    static RollbackArgs parse(Path cliJar, Path appJar, Defaults defaults, String... args) {
        long size = ByteSize.parse("1g");
        int files = 10_000;
        Long fileBytes = null;
        List<String> strategies = strategies(defaults.strategy());
        int repeat = defaults.repeat();
        Path work = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> via = defaults.via() ? via("both") : List.of();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--size" -> size = ByteSize.parse(required(args[i], value));
                case "--files" -> files = Integer.parseInt(required(args[i], value));
                case "--file-bytes" -> fileBytes = ByteSize.parse(required(args[i], value));
                case "--strategy" -> strategies = strategies(required(args[i], value));
                case "--repeat" -> repeat = Integer.parseInt(required(args[i], value));
                case "--work" -> work = Path.of(required(args[i], value));
                case "--via" -> {
                    if (!defaults.via()) {
                        throw new IllegalArgumentException("unknown option --via");
                    }
                    via = via(required(args[i], value));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (size < ByteSize.parse("10m") || files < 1 || repeat < 1) {
            throw new IllegalArgumentException("--size must be at least 10m, --files and --repeat at least 1");
        }
        return new RollbackArgs(size, files, fileBytes == null ? files * BYTES_PER_FILE : fileBytes, strategies,
                repeat, work, cliJar, appJar, via);
    }

    private static List<String> via(String value) {
        return switch (value) {
            case CLI -> List.of(CLI);
            case SERVE -> List.of(SERVE);
            case "both" -> List.of(CLI, SERVE);
            default -> throw new IllegalArgumentException("--via must be cli, serve or both, not " + value);
        };
    }

    private static List<String> strategies(String value) {
        return switch (value) {
            case "dump" -> List.of(RewindWay.DUMP);
            case "clone" -> List.of(RewindWay.CLONE);
            case "both" -> List.of(RewindWay.DUMP, RewindWay.CLONE);
            default -> throw new IllegalArgumentException("--strategy must be dump, clone or both, not " + value);
        };
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}

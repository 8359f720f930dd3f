package dev.rewind.sampleapp;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The service Rewind deploys in its demo, tests and benchmarks. Prints one line,
 * {@code sampleapp V listening on http://HOST:PORT}, once it serves.
 */
public final class SampleApp {

    private SampleApp() {}

    public static void main(String[] args) {
        long startNanos = System.nanoTime();
        if (List.of(args).contains("--help")) {
            System.out.println(Usage.TEXT);
            return;
        }
        Options options = parseOrExit(args);
        if (options.noStart()) {
            throw exit(1, "refusing to start: --no-start");
        }
        options.crashAfter().ifPresent(Lifecycle::crashAfter);
        Optional<Database> database = options.db().map(url -> new Database(url, options.version()));
        database.ifPresent(db -> migrate(db, options));
        Optional<ItemFiles> files = options.files().map(ItemFiles::new);
        files.ifPresent(SampleApp::prepare);
        AppServer server = serve(options, database, files, startNanos);
        Lifecycle.stopGracefullyOnSignal(server);
        System.out.println("sampleapp " + options.version() + " listening on " + server.url());
        System.out.flush();
    }

    private static Options parseOrExit(String[] args) {
        try {
            return OptionsParser.parse(List.of(args));
        } catch (UsageException e) {
            throw exit(2, e.getMessage() + "\nusage: " + Usage.SYNOPSIS + " (--help for details)");
        }
    }

    private static void migrate(Database db, Options options) {
        try {
            List<Integer> applied = new Migrator(db).migrate(Migration.upTo(options.schemaVersion()));
            if (!applied.isEmpty()) {
                System.err.println("INFO applied migrations " + applied + " to " + db.describe());
            }
        } catch (SQLException e) {
            throw exit(1, "cannot migrate " + db.describe() + ": " + e.getMessage()
                    + " (check that --db points at a running PostgreSQL the app may write to)");
        }
    }

    private static void prepare(ItemFiles files) {
        try {
            files.prepare();
        } catch (IOException e) {
            System.err.println("WARN cannot create " + files.root() + "/items (" + e + "); /health will report files"
                    + " as unhealthy until --files points at a writable directory");
        }
    }

    private static AppServer serve(Options options, Optional<Database> database, Optional<ItemFiles> files,
            long startNanos) {
        try {
            return AppServer.start(options, database, files, startNanos);
        } catch (IOException e) {
            throw exit(1, "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage()
                    + " (pick a free port with --port, or --port 0 for any)");
        }
    }

    /** Prints {@code ERROR message} and exits; returns only for the compiler's sake: {@code throw exit(...)}. */
    private static Error exit(int code, String message) {
        System.err.println("ERROR " + message);
        System.err.flush();
        System.exit(code);
        return new AssertionError("System.exit(" + code + ") returned");
    }
}

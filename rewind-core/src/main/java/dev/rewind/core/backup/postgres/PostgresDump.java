package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.Progress;
import dev.rewind.core.backup.SchemaVersion;
import dev.rewind.core.backup.TableCount;
import dev.rewind.core.config.PostgresUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Strategy {@code dump}: {@code pg_dump --format=directory --jobs=N} of a live database, online. The row counts
 * are taken in a REPEATABLE READ transaction whose snapshot pg_dump imports ({@code --snapshot}), so they are
 * exactly what the dump holds even while the application writes.
 */
public final class PostgresDump {

    /** No compression: single-threaded compression on the critical path made dumps 5× slower. */
    public static final int DEFAULT_COMPRESSION = 0;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(6);
    /** How long pg_dump and the counting transaction wait for a table lock before failing. */
    static final Duration LOCK_WAIT = Duration.ofMinutes(1);

    private final String path;
    private final int compression;
    private final Duration timeout;

    /** Finds pg_dump on {@code path} (a PATH value); no compression, 6 h time limit. */
    public PostgresDump(String path) {
        this(path, DEFAULT_COMPRESSION, DEFAULT_TIMEOUT);
    }

    /** {@code compression} is pg_dump's {@code --compress} level, 0 (none) to 9. */
    public PostgresDump(String path, int compression, Duration timeout) {
        if (compression < 0 || compression > 9) {
            throw new RewindException(ErrorCode.USAGE, "pg_dump compression level " + compression
                    + " is out of range" + Sql.FIX + "use 0 (none, fastest) to 9");
        }
        this.path = path;
        this.compression = compression;
        this.timeout = timeout;
    }

    /** Dumps {@code url} into {@code dir} (which must not exist or be empty) with {@code jobs} parallel jobs. */
    public DumpResult backup(PostgresUrl url, Path dir, int jobs, Progress progress) {
        if (jobs < 1) {
            throw new RewindException(ErrorCode.USAGE, "pg_dump jobs must be at least 1, got " + jobs + Sql.FIX
                    + "pass 1 or more");
        }
        requireEmpty(dir);
        PgEndpoint endpoint = PgEndpoint.of(url);
        try (Connection connection = endpoint.connect()) {
            PgTools tools = PgTools.find(path, PostgresInspector.serverMajor(connection));
            Sql.execute(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            Sql.execute(connection, "SET LOCAL lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'");
            String snapshot = Sql.queryOne(connection, "SELECT pg_export_snapshot()", row -> row.getString(1))
                    .orElseThrow();
            String serverVersion = PostgresInspector.serverVersion(connection);
            SchemaVersion schema = PostgresInspector.schemaVersion(connection);
            List<TableCount> tables = PostgresInspector.tableCounts(connection);
            progress.start("pg_dump " + endpoint.database(), -1);
            runPgDump(tools, endpoint, dir, jobs, snapshot, progress);
            Sql.execute(connection, "COMMIT");
            return new DumpResult(serverVersion, schema, tables);
        } catch (SQLException e) {
            throw Sql.failure("Backing up database " + endpoint, e,
                    "check that the URL's user can read every table; nothing was changed");
        }
    }

    private void runPgDump(PgTools tools, PgEndpoint endpoint, Path dir, int jobs, String snapshot,
                           Progress progress) {
        List<String> command = List.of(tools.pgDump().toString(), "--format=directory", "--jobs=" + jobs,
                "--snapshot=" + snapshot, "--compress=" + compression, "--no-password",
                "--lock-wait-timeout=" + LOCK_WAIT.toMillis(), "--file=" + dir, "--dbname=" + endpoint.conninfo());
        PgProcess.Outcome outcome = PgProcess.run(command, endpoint.childEnvironment(), timeout,
                new DirectoryProgress(dir, progress));
        if (!outcome.ok()) {
            throw new RewindException(ErrorCode.FAILED, "pg_dump of database " + endpoint + " failed (exit "
                    + outcome.exitCode() + "):\n" + outcome.stderrTail() + "\nThe incomplete dump is left in "
                    + dir + Sql.FIX + "correct the cause above, then back up again into a new directory");
        }
    }

    private static void requireEmpty(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new RewindException(ErrorCode.FAILED, "The dump directory " + dir + " is not empty;"
                                + " a backup never overwrites files" + Sql.FIX + "back up into a new directory");
                    }
                }
            } else {
                Files.createDirectories(dir.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "Cannot prepare the dump directory " + dir + ": "
                    + e.getMessage() + Sql.FIX + "check its permissions and free space", e);
        }
    }
}

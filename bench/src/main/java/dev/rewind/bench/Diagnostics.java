package dev.rewind.bench;

import static dev.rewind.bench.Shell.quote;

import dev.rewind.core.backup.TableCount;
import dev.rewind.core.backup.files.Checksums;
import dev.rewind.core.backup.postgres.PostgresInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The parts of each step, timed alone, to show where the time goes. */
final class Diagnostics {

    private final Shell shell;
    private final BenchServer server;
    private final String database;
    private final int jobs;

    Diagnostics(Shell shell, BenchServer server, String database, int jobs) {
        this.shell = shell;
        this.server = server;
        this.database = database;
        this.jobs = jobs;
    }

    /** The exact counts a dump set records, in a REPEATABLE READ transaction as the engine takes them. */
    Duration exactCounts() {
        return Timed.run(() -> {
            try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
                statement.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
                PostgresInspector.tableCounts(connection);
                statement.execute("COMMIT");
            } catch (SQLException e) {
                throw new IllegalStateException("counting the rows failed", e);
            }
        }).duration();
    }

    Duration pgDumpDirectory(Path target, int jobCount, boolean sync) {
        return shell.run("pg_dump --format=directory --jobs=" + jobCount + " --compress=0" + (sync ? "" : " --no-sync")
                + " --file=" + quote(target) + " " + database);
    }

    Duration pgDumpPlain(Path target) {
        return shell.run("pg_dump " + database + " > " + quote(target));
    }

    Duration gzip(Path file) {
        return shell.run("gzip -c " + quote(file) + " > /dev/null");
    }

    /** SHA-256 of every file under {@code dir} on a parallel stream, as the engine checksums a dump. */
    static Duration sha256(Path dir) {
        return Timed.run(() -> {
            try (Stream<Path> walk = Files.walk(dir)) {
                List<Path> files = walk.filter(Files::isRegularFile).toList();
                files.parallelStream().forEach(Checksums::sha256);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }).duration();
    }

    /** {@code cp -r} and {@code sync}; the caller has synced before, so {@code sync} flushes only the copy. */
    Duration copySynced(Path source, Path target) {
        return shell.run("cp -r " + quote(source) + " " + quote(target) + " && sync");
    }

    /** {@code CREATE DATABASE <copy> TEMPLATE live STRATEGY …}; returns the copy's name, to drop afterwards. */
    String templateCopy(String strategy) {
        String copy = database + "_diag_" + strategy.toLowerCase(Locale.ROOT);
        server.admin("CREATE DATABASE " + copy + " TEMPLATE " + database + " STRATEGY " + strategy);
        return copy;
    }

    /** {@code createdb} and {@code pg_restore -jN} of a dump directory; returns the new database, to drop afterwards. */
    String pgRestore(Path dumpDir) {
        String target = database + "_diag_restore";
        shell.run("createdb " + target + " && pg_restore --jobs=" + jobs + " --exit-on-error -d " + target + " "
                + quote(dumpDir));
        return target;
    }

    /**
     * {@code CREATE DATABASE … TEMPLATE clone STRATEGY FILE_COPY} and the exact counts, checked: a clone shadow as the
     * engine makes it, but with FILE_COPY instead of PostgreSQL 15's default WAL_LOG. Returns the new database.
     */
    String fileCopyShadow(String clone, List<TableCount> expected) {
        String shadow = database + "_diag_shadow_file_copy";
        server.admin("CREATE DATABASE " + shadow + " TEMPLATE " + clone + " STRATEGY FILE_COPY");
        try (Connection connection = server.connect(shadow)) {
            List<TableCount> counts = PostgresInspector.tableCounts(connection);
            if (!counts.equals(expected)) {
                throw new IllegalStateException("the FILE_COPY shadow has " + counts + ", the backup " + expected);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the rows of " + shadow + " failed", e);
        }
        return shadow;
    }

    void dropDatabase(String name) {
        server.admin("DROP DATABASE " + name);
    }
}

package dev.rewind.bench;

import dev.rewind.core.backup.TableCount;
import dev.rewind.core.backup.postgres.PostgresInspector;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * What every phase of a run shares: the server, the shell, both ways, the results.
 *
 * @param customers the generated customers' ids are 1..customers (for the live reader)
 * @param repeat    how many times each step is measured
 */
record Bench(Workspace workspace, BenchServer server, Shell shell, RunbookWay runbook, RewindWay rewind,
             Diagnostics diagnostics, Results results, long customers, int repeat) {

    static final String DATABASE = "shop";

    /**
     * Called before each timed step, so no step pays for the one before: a checkpoint writes PostgreSQL's dirty
     * pages and {@code sync} the file system's.
     */
    void settle() {
        server.checkpoint();
        shell.run("sync");
    }

    /** Runs {@code body} once per repetition, with the repetition's index. */
    void repeat(IntConsumer body) {
        for (int i = 0; i < repeat; i++) {
            body.accept(i);
        }
    }

    /** Times {@code work} after {@link #settle}, recording the time and the WAL PostgreSQL wrote meanwhile. */
    <T> T measure(Step step, Supplier<T> work) {
        return measure(step, () -> { }, work);
    }

    /** As {@link #measure(Step, Supplier)}, running {@code before} (not timed) between the settling and the work. */
    <T> T measure(Step step, Runnable before, Supplier<T> work) {
        settle();
        before.run();
        long wal = server.walPosition();
        Timed<T> timed = Timed.of(work);
        results.add(step, timed.duration(), server.walPosition() - wal);
        return timed.value();
    }

    /** Records a part of a step that the engine timed itself. */
    void part(Step step, Duration time) {
        results.add(step, time, -1);
    }

    /** Starts the site's reads on the live database. */
    LiveReader reader() {
        return LiveReader.start(server, DATABASE, customers);
    }

    /** Fails unless {@code database} has exactly the {@code expected} row counts. */
    void requireCounts(String database, List<TableCount> expected, String after) {
        try (Connection connection = server.connect(database)) {
            List<TableCount> actual = PostgresInspector.tableCounts(connection);
            if (!actual.equals(expected)) {
                throw new IllegalStateException("after " + after + ", " + database + " has " + actual
                        + " but the backup had " + expected);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + database + " after " + after, e);
        }
        Log.info("checked: after " + after + ", every table of " + database + " has the backup's row count");
    }
}

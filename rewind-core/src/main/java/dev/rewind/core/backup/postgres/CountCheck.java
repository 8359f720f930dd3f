package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.TableCount;
import dev.rewind.core.config.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Compares a restored database's exact row counts with a backup manifest's. */
final class CountCheck {

    private CountCheck() {}

    static List<TableCount> count(PostgresUrl live, String shadowName) {
        try (Connection shadow = PgEndpoint.of(live).withDatabase(shadowName).connect()) {
            return PostgresInspector.tableCounts(shadow);
        } catch (SQLException e) {
            throw Sql.failure("Counting the rows of the shadow \"" + shadowName + "\"", e,
                    "check that the URL's user can read every table of the restored database");
        }
    }

    static List<CountMismatch> mismatches(List<TableCount> actual, List<TableCount> expected) {
        Map<String, Long> found = actual.stream()
                .collect(Collectors.toMap(TableCount::qualifiedName, TableCount::rows, (a, b) -> a));
        return expected.stream()
                .filter(table -> !Long.valueOf(table.rows()).equals(found.get(table.qualifiedName())))
                .map(table -> new CountMismatch(table.schema(), table.table(), table.rows(),
                        found.get(table.qualifiedName())))
                .toList();
    }

    /** The shadow's counts, or a failure naming every table that differs from {@code expected}. */
    static RestoreResult verified(PostgresUrl live, String shadowName, List<TableCount> expected, long startNanos) {
        List<TableCount> counts = count(live, shadowName);
        List<CountMismatch> mismatches = mismatches(counts, expected);
        if (!mismatches.isEmpty()) {
            throw new RewindException(ErrorCode.FAILED, "The restored shadow \"" + shadowName + "\" does not match"
                    + " the backup's manifest in " + mismatches.size() + " table(s): " + mismatches.stream()
                    .map(CountMismatch::describe).collect(Collectors.joining("; "))
                    + "; the live database was not touched" + Sql.FIX + "verify the backup with `rewind backups ENV"
                    + " --verify`, or roll back to an older backup with `rewind rollback ENV --to RELEASE`");
        }
        return new RestoreResult(shadowName, counts, Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
    }
}

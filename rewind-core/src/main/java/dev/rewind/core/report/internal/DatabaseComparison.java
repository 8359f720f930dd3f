package dev.rewind.core.report.internal;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.TableCount;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.backup.postgres.PostgresInspector;
import dev.rewind.core.config.PostgresUrl;
import dev.rewind.core.report.DatabaseDifference;
import dev.rewind.core.report.TableDifference;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares a restored database with the failed one a rollback kept beside it, by exact row counts. */
final class DatabaseComparison {

    private DatabaseComparison() {}

    /** The comparison; a database that cannot be reached is reported, not thrown. */
    static DatabaseDifference of(String datastore, PostgresUrl live, String runId, boolean swapped) {
        String kept = DatabaseNames.kept(live.database(), runId);
        if (!swapped) {
            return new DatabaseDifference(datastore, live.database(), kept, "not swapped: the live database was"
                    + " not replaced, so nothing of it was lost", List.of());
        }
        Map<String, Long> keptRows;
        try {
            keptRows = rows(live, kept);
        } catch (RewindException e) {
            return new DatabaseDifference(datastore, live.database(), kept, "the kept database cannot be reached: "
                    + e.getMessage(), List.of());
        }
        try {
            return new DatabaseDifference(datastore, live.database(), kept, null, tables(keptRows,
                    rows(live, live.database())));
        } catch (RewindException e) {
            return new DatabaseDifference(datastore, live.database(), kept, "the restored database cannot be reached: "
                    + e.getMessage(), List.of());
        }
    }

    static List<TableDifference> tables(Map<String, Long> kept, Map<String, Long> restored) {
        TreeSet<String> names = new TreeSet<>(kept.keySet());
        names.addAll(restored.keySet());
        return names.stream().map(t -> new TableDifference(t, kept.get(t), restored.get(t),
                note(kept.get(t), restored.get(t)))).toList();
    }

    static String note(Long kept, Long restored) {
        if (restored == null) {
            return "only in the kept copy (" + rows(kept) + ")";
        }
        if (kept == null) {
            return "only in the restored copy (" + rows(restored) + ")";
        }
        if (kept.equals(restored)) {
            return "same";
        }
        return kept > restored ? more(kept - restored) + " in the kept copy"
                : more(restored - kept) + " in the restored copy";
    }

    private static String more(long n) {
        return n + (n == 1 ? " more row" : " more rows");
    }

    private static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }

    private static Map<String, Long> rows(PostgresUrl live, String database) {
        Map<String, Long> rows = new TreeMap<>();
        for (TableCount table : PostgresInspector.tableCounts(live, database)) {
            rows.put(table.qualifiedName(), table.rows());
        }
        return rows;
    }
}

package dev.rewind.core.report;

import java.util.List;

/**
 * A restored database beside the failed one the swap kept, compared by exact row counts when the report is built.
 *
 * @param datastore    the datastore's name
 * @param liveDatabase the live (restored) database; null for a datastore no longer in rewind.yaml
 * @param keptDatabase where the failed live database is kept, {@code <db>__rewind_<run>}; null likewise
 * @param problem      why the two could not be compared (e.g. the kept database cannot be reached), or null
 * @param tables       every table of either, by schema and name; empty when {@code problem} is set
 */
public record DatabaseDifference(String datastore, String liveDatabase, String keptDatabase, String problem,
                                 List<TableDifference> tables) {

    public DatabaseDifference {
        tables = List.copyOf(tables);
    }
}

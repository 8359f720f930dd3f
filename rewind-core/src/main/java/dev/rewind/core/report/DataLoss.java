package dev.rewind.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The writes a restore did not bring back (seed 004's data-loss assessment): everything between the backup and the
 * swap is only in the kept failed state, which Rewind keeps for salvage.
 *
 * @param from        when the backup was taken
 * @param to          when the last datastore was swapped, or null if none was
 * @param window      {@code to - from}, or null
 * @param databases   each restored PostgreSQL database: where the failed one is kept and how their row counts differ
 * @param directories each restored directory: where the failed one is kept and how their files differ
 */
public record DataLoss(Instant from, Instant to, Duration window, List<DatabaseDifference> databases,
                       List<DirectoryDifference> directories) {

    public DataLoss {
        databases = List.copyOf(databases);
        directories = List.copyOf(directories);
    }
}

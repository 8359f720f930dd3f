package dev.rewind.core.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A standby just prepared ({@code rewind backup ENV --standby}, or during a deploy's watch).
 *
 * @param setId      the backup set restored
 * @param readyAt    when it was ready
 * @param duration   how long preparing it took: removing the older standby, restoring and checking
 * @param datastores what was restored for each datastore, and where
 * @param removed    the older standbys removed first: database names and directory paths
 */
public record StandbyResult(String setId, Instant readyAt, Duration duration, List<Restorer.Step> datastores,
                            List<String> removed) {

    public StandbyResult {
        datastores = List.copyOf(datastores);
        removed = List.copyOf(removed);
    }
}

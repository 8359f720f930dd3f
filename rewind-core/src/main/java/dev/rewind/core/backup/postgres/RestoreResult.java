package dev.rewind.core.backup.postgres;

import dev.rewind.core.backup.TableCount;
import java.util.List;

/**
 * A backup restored into a shadow database beside the live one, its row counts checked against the manifest.
 *
 * @param shadowName     the shadow database, ready to be swapped in
 * @param tables         every user table of the shadow with its exact row count
 * @param durationMillis how long creating, restoring and counting took
 */
public record RestoreResult(String shadowName, List<TableCount> tables, long durationMillis) {

    public RestoreResult {
        tables = List.copyOf(tables);
    }
}

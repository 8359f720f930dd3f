package dev.rewind.core.backup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code .rewind/standby/<environment>.json} records of an environment's standby: the set it was restored from,
 * when it was ready, and per datastore the state a rollback re-checks it against.
 *
 * @param setId      the backup set restored
 * @param readyAt    when every datastore was restored and checked
 * @param tookMillis how long the preparation took
 * @param items      one per datastore restored
 */
public record StandbyMarker(String environment, String setId, Instant readyAt, long tookMillis, List<Item> items) {

    public StandbyMarker {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(setId, "setId");
        Objects.requireNonNull(readyAt, "readyAt");
        items = List.copyOf(items);
    }

    /**
     * One datastore's standby.
     *
     * @param name       the standby database, or the standby directory's absolute path (a rollback derives the
     *                   names from the set's id; prune removes the marker with the standby it names)
     * @param nextXid    postgres: the server's next transaction id once it was ready; a row written since has an
     *                   {@code xmin} at least this. Null for files
     * @param lastChange files: the newest status change (ctime) of its files once it was ready. Null for postgres
     */
    public record Item(String datastore, String name, Long nextXid, Instant lastChange) {

        public Item {
            Objects.requireNonNull(datastore, "datastore");
            Objects.requireNonNull(name, "name");
        }
    }

    Optional<Item> item(String datastore) {
        return items.stream().filter(i -> i.datastore().equals(datastore)).findFirst();
    }
}

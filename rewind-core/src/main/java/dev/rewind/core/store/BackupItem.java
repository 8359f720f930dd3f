package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

/**
 * The backup of one datastore inside a {@link BackupSet}; unique per (backupId, datastore).
 *
 * @param backupId  the backup set it belongs to
 * @param datastore the datastore's name in the config
 * @param kind      the datastore kind, e.g. {@code postgres} or {@code files}
 * @param strategy  how it was backed up, e.g. {@code pg_dump}, or null for the kind's default
 * @param location  where the backup is, a path or URL
 * @param sizeBytes size of the backup
 * @param fileCount number of files in the backup
 * @param sha256    hex checksum of the backup, or null if not computed
 */
public record BackupItem(
        String backupId,
        String datastore,
        String kind,
        String strategy,
        String location,
        long sizeBytes,
        long fileCount,
        String sha256) {

    public BackupItem {
        requireNonNull(backupId, "backupId");
        requireNonNull(datastore, "datastore");
        requireNonNull(kind, "kind");
        requireNonNull(location, "location");
    }
}

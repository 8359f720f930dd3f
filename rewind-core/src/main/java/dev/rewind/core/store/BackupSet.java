package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One backup of an environment's datastores, taken together; its items are {@link BackupItem}s.
 *
 * @param id          {@code bak-…}, see {@link Ids#backup()}
 * @param environment the environment backed up
 * @param releaseId   the release that was live or about to be deployed, or null
 * @param createdAt   when the backup started (kept to the millisecond)
 * @param status      where the backup stands
 * @param sizeBytes   total size of all items so far
 * @param manifest    where the backup's manifest file is, or null until it is written
 */
public record BackupSet(
        String id,
        String environment,
        String releaseId,
        Instant createdAt,
        BackupStatus status,
        long sizeBytes,
        String manifest) {

    public BackupSet {
        requireNonNull(id, "id");
        requireNonNull(environment, "environment");
        createdAt = Values.requiredMillis(createdAt, "createdAt");
        requireNonNull(status, "status");
    }

    /** This backup set finished with the given status, size and manifest. */
    public BackupSet finished(BackupStatus newStatus, long newSizeBytes, String newManifest) {
        return new BackupSet(id, environment, releaseId, createdAt, newStatus, newSizeBytes, newManifest);
    }
}

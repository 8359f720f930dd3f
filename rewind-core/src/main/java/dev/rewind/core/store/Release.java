package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded deployment of a version to an environment.
 *
 * @param id            {@code rel-…}, see {@link Ids#release()}
 * @param environment   the environment deployed to
 * @param version       the version label of the whole release
 * @param artifacts     component name → artifact or version deployed for it, in insertion order; may be empty
 * @param deployedBy    who deployed
 * @param deployedAt    when the deploy started (kept to the millisecond)
 * @param schemaVersion the database schema version the release runs on, or null if unknown
 * @param status        where the release stands
 * @param backupId      the backup set taken before the deploy, or null if none
 * @param note          free text from the operator, or null
 */
public record Release(
        String id,
        String environment,
        String version,
        Map<String, String> artifacts,
        String deployedBy,
        Instant deployedAt,
        String schemaVersion,
        ReleaseStatus status,
        String backupId,
        String note) {

    public Release {
        requireNonNull(id, "id");
        requireNonNull(environment, "environment");
        requireNonNull(version, "version");
        artifacts = Values.orderedCopy(artifacts, "artifacts");
        requireNonNull(deployedBy, "deployedBy");
        deployedAt = Values.requiredMillis(deployedAt, "deployedAt");
        requireNonNull(status, "status");
    }

    /** This release with another status. */
    public Release withStatus(ReleaseStatus newStatus) {
        return new Release(id, environment, version, artifacts, deployedBy, deployedAt, schemaVersion,
                newStatus, backupId, note);
    }
}

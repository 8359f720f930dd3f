package dev.rewind.core.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code rewind prune ENV}: what is old enough to remove, and whether it was removed ({@code --yes}).
 *
 * @param olderThan  only what was made before now minus this is listed
 * @param applied    true when the candidates were removed
 * @param candidates backup sets, kept failed databases and directories, standbys no ready marker names; oldest first
 */
public record PruneResult(String environment, Duration olderThan, boolean applied, List<Candidate> candidates) {

    public long totalBytes() {
        return candidates.stream().mapToLong(Candidate::sizeBytes).sum();
    }

    /**
     * One thing prune would remove.
     *
     * @param kind      {@code backup_set}, {@code kept_database}, {@code kept_directory}, or a standby no ready marker
     *                  names (of a set that is gone, or half-made by a killed preparation): {@code standby_database},
     *                  {@code standby_directory}
     * @param name      the set id, database name or directory path
     * @param createdAt when it was made, or null when unknown
     */
    public record Candidate(String kind, String name, Instant createdAt, long sizeBytes) {}
}

package dev.rewind.core.backup;

import dev.rewind.core.store.BackupSet;
import java.util.List;

/**
 * {@code rewind backups ENV [--verify]}: the environment's backup sets, newest first.
 *
 * @param verified true when every checksum was recomputed ({@code --verify})
 */
public record BackupsResult(String environment, boolean verified, List<Entry> sets) {

    /** True unless a verification found a problem. */
    public boolean ok() {
        return sets.stream().allMatch(s -> s.verification() == null || s.verification().ok());
    }

    /**
     * One set.
     *
     * @param verification the re-check's result, or null without {@code --verify} or for an incomplete set
     * @param standby      the environment's standby when it holds this set (only its datastores whose standby
     *                     exists), else null
     */
    public record Entry(BackupSet set, SetVerification verification, StandbyMarker standby) {}
}

package dev.rewind.core.verify;

import dev.rewind.core.backup.BackupManifest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a verification compares against, beyond the environment's probes, smoke and SQL checks.
 *
 * @param manifest   the backup set that was restored, or null to skip the table and file comparisons
 * @param datastores the datastores of {@code manifest} that were restored and must match it
 * @param logs       component → its log from the offset where the restarted version began writing; every line
 *                   from there with {@code ERROR} or an exception fails the {@code logs} check
 */
public record VerifyScope(BackupManifest manifest, Set<String> datastores, Map<String, LogRange> logs) {

    /** @throws IllegalArgumentException when a datastore is not in {@code manifest} (or there is no manifest) */
    public VerifyScope {
        datastores = Set.copyOf(datastores);
        logs = Map.copyOf(logs);
        Set<String> backedUp = manifest == null ? Set.of()
                : manifest.items().stream().map(BackupManifest.Item::datastore).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(datastores);
        unknown.removeAll(backedUp);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("datastores " + unknown + " cannot be compared with the backup: "
                    + (manifest == null ? "no backup set was given" : "backup set " + manifest.id() + " has no such item"));
        }
    }

    /** Probes, smoke and SQL checks only. */
    public static VerifyScope liveOnly() {
        return new VerifyScope(null, Set.of(), Map.of());
    }

    /** A log file read from a byte offset. */
    public record LogRange(Path file, long fromOffset) {}
}

package dev.rewind.core.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code rewind backup ENV}: the set just taken.
 *
 * @param standby with {@code --standby}, the standby just prepared from it, else null
 */
public record BackupResult(String environment, String id, String releaseId, Instant createdAt, Duration duration,
                           long sizeBytes, List<ItemSummary> items, List<String> pruned, StandbyResult standby) {

    /**
     * One datastore of the set.
     *
     * @param location the item's directory in the set, or the clone database's name
     * @param tables   tables counted (postgres)
     * @param rows     rows over all tables (postgres)
     * @param files    files recorded with their SHA-256
     */
    public record ItemSummary(String datastore, String kind, String strategy, String location, String schemaVersion,
                              int tables, long rows, int files, long sizeBytes) {

        static ItemSummary of(BackupManifest.Item item) {
            return new ItemSummary(item.datastore(), item.kind(), item.strategy(), item.location(),
                    item.schemaVersion() == null ? null : item.schemaVersion().toString(), item.tables().size(),
                    item.tables().stream().mapToLong(TableCount::rows).sum(), item.files().size(), item.sizeBytes());
        }
    }

    public static BackupResult of(Backups.Taken taken, StandbyResult standby) {
        var set = taken.set();
        return new BackupResult(set.environment(), set.id(), set.releaseId(), set.createdAt(), taken.duration(),
                set.sizeBytes(), taken.manifest().items().stream().map(ItemSummary::of).toList(), taken.pruned(),
                standby);
    }
}

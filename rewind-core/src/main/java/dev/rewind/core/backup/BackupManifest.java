package dev.rewind.core.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * The manifest of one backup set, written as {@code manifest.json} in the set's directory: what was backed up,
 * exact row counts, and the size and SHA-256 of every file, so the set can be verified before it is trusted.
 *
 * @param format      the manifest format version, {@value #FORMAT}
 * @param id          the backup set's id ({@code bak-…})
 * @param environment the environment backed up
 * @param releaseId   the release this set protects, or null
 * @param createdAt   when the backup started
 * @param items       one per datastore
 */
public record BackupManifest(int format, String id, String environment, String releaseId, Instant createdAt,
                             List<Item> items) {

    public static final int FORMAT = 1;

    public BackupManifest {
        items = List.copyOf(items);
    }

    /** Bytes of every file in the set (a clone's database is not counted). */
    public long sizeBytes() {
        return items.stream().mapToLong(Item::sizeBytes).sum();
    }

    /**
     * One datastore's part of a set.
     *
     * @param datastore     the datastore's name in rewind.yaml
     * @param kind          {@code postgres} or {@code files}
     * @param strategy      {@code dump}, {@code clone} or {@code copy}
     * @param location      the item's directory inside the set, or the clone database's name
     * @param serverVersion PostgreSQL's version, or null for files
     * @param schemaVersion the migration tool and version found, or null for files
     * @param tables        every table with its exact row count (postgres)
     * @param files         every file of the item with size and SHA-256 (dump directory, or the snapshot)
     */
    public record Item(String datastore, String kind, String strategy, String location, String serverVersion,
                       SchemaVersion schemaVersion, List<TableCount> tables, List<FileEntry> files) {

        public Item {
            tables = tables == null ? List.of() : List.copyOf(tables);
            files = files == null ? List.of() : List.copyOf(files);
        }

        public long sizeBytes() {
            return files.stream().mapToLong(FileEntry::size).sum();
        }

        @JsonIgnore
        public boolean isClone() {
            return "clone".equals(strategy);
        }
    }
}

package dev.rewind.core.store.internal;

import dev.rewind.core.store.BackupItem;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code backup_items} table. */
final class BackupItemTable {

    private static final RowMapper<BackupItem> MAPPER = (rs, ctx) -> new BackupItem(
            rs.getString("backup_id"),
            rs.getString("datastore"),
            rs.getString("kind"),
            rs.getString("strategy"),
            rs.getString("location"),
            rs.getLong("size_bytes"),
            rs.getLong("file_count"),
            rs.getString("sha256"));

    private BackupItemTable() {}

    static void insert(Handle handle, BackupItem item) {
        handle.createUpdate("INSERT INTO backup_items (backup_id, datastore, kind, strategy, location, size_bytes,"
                        + " file_count, sha256) VALUES (:backupId, :datastore, :kind, :strategy, :location,"
                        + " :sizeBytes, :fileCount, :sha256)")
                .bind("backupId", item.backupId())
                .bind("datastore", item.datastore())
                .bind("kind", item.kind())
                .bind("strategy", item.strategy())
                .bind("location", item.location())
                .bind("sizeBytes", item.sizeBytes())
                .bind("fileCount", item.fileCount())
                .bind("sha256", item.sha256())
                .execute();
    }

    static void deleteOf(Handle handle, String backupId) {
        handle.createUpdate("DELETE FROM backup_items WHERE backup_id = :backupId")
                .bind("backupId", backupId).execute();
    }

    static List<BackupItem> of(Handle handle, String backupId) {
        return handle.createQuery("SELECT backup_id, datastore, kind, strategy, location, size_bytes, file_count,"
                        + " sha256 FROM backup_items WHERE backup_id = :backupId ORDER BY datastore")
                .bind("backupId", backupId).map(MAPPER).list();
    }
}

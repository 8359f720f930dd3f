package dev.rewind.core.store.internal;

import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.BackupStatus;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/** The {@code backup_sets} table. */
final class BackupSetTable {

    private static final String SELECT =
            "SELECT id, environment, release_id, created_at, status, size_bytes, manifest FROM backup_sets";

    private static final RowMapper<BackupSet> MAPPER = (rs, ctx) -> new BackupSet(
            rs.getString("id"),
            rs.getString("environment"),
            rs.getString("release_id"),
            Columns.instant(rs, "created_at"),
            Columns.enumOf(BackupStatus.class, rs, "status"),
            rs.getLong("size_bytes"),
            rs.getString("manifest"));

    private BackupSetTable() {}

    static void insert(Handle handle, BackupSet set) {
        bind(handle.createUpdate("INSERT INTO backup_sets (id, environment, release_id, created_at, status,"
                + " size_bytes, manifest) VALUES (:id, :environment, :releaseId, :createdAt, :status, :sizeBytes,"
                + " :manifest)"), set).execute();
    }

    static int update(Handle handle, BackupSet set) {
        return bind(handle.createUpdate("UPDATE backup_sets SET release_id = :releaseId, status = :status,"
                + " size_bytes = :sizeBytes, manifest = :manifest WHERE id = :id"), set).execute();
    }

    private static Update bind(Update update, BackupSet set) {
        return update.bind("id", set.id())
                .bind("environment", set.environment())
                .bind("releaseId", set.releaseId())
                .bind("createdAt", Columns.time(set.createdAt()))
                .bind("status", Columns.code(set.status()))
                .bind("sizeBytes", set.sizeBytes())
                .bind("manifest", set.manifest());
    }

    static int delete(Handle handle, String id) {
        return handle.createUpdate("DELETE FROM backup_sets WHERE id = :id").bind("id", id).execute();
    }

    static Optional<BackupSet> find(Handle handle, String id) {
        return handle.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    static List<BackupSet> inEnvironment(Handle handle, String environment) {
        return handle.createQuery(SELECT + " WHERE environment = :environment ORDER BY created_at DESC, id DESC")
                .bind("environment", environment).map(MAPPER).list();
    }
}

package dev.rewind.core.store.internal;

import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code releases} table. */
final class ReleaseTable {

    private static final String SELECT = "SELECT id, environment, version, artifacts, deployed_by, deployed_at,"
            + " schema_version, status, backup_id, note FROM releases";
    private static final String NEWEST_FIRST = " ORDER BY deployed_at DESC, id DESC";

    private static final RowMapper<Release> MAPPER = (rs, ctx) -> new Release(
            rs.getString("id"),
            rs.getString("environment"),
            rs.getString("version"),
            Columns.map(rs, "artifacts"),
            rs.getString("deployed_by"),
            Columns.instant(rs, "deployed_at"),
            rs.getString("schema_version"),
            Columns.enumOf(ReleaseStatus.class, rs, "status"),
            rs.getString("backup_id"),
            rs.getString("note"));

    private ReleaseTable() {}

    static void insert(Handle handle, Release release) {
        handle.createUpdate("INSERT INTO releases (id, environment, version, artifacts, deployed_by, deployed_at,"
                        + " schema_version, status, backup_id, note) VALUES (:id, :environment, :version,"
                        + " :artifacts, :deployedBy, :deployedAt, :schemaVersion, :status, :backupId, :note)")
                .bind("id", release.id())
                .bind("environment", release.environment())
                .bind("version", release.version())
                .bind("artifacts", Columns.json(release.artifacts()))
                .bind("deployedBy", release.deployedBy())
                .bind("deployedAt", Columns.time(release.deployedAt()))
                .bind("schemaVersion", release.schemaVersion())
                .bind("status", Columns.code(release.status()))
                .bind("backupId", release.backupId())
                .bind("note", release.note())
                .execute();
    }

    static int updateStatus(Handle handle, String id, ReleaseStatus status) {
        return handle.createUpdate("UPDATE releases SET status = :status WHERE id = :id")
                .bind("status", Columns.code(status))
                .bind("id", id)
                .execute();
    }

    static int updateBackup(Handle handle, String id, String backupId) {
        return handle.createUpdate("UPDATE releases SET backup_id = :backupId WHERE id = :id")
                .bind("backupId", backupId)
                .bind("id", id)
                .execute();
    }

    /** Marks the environment's LIVE releases other than {@code keepId} SUPERSEDED. */
    static void supersedeLive(Handle handle, String environment, String keepId) {
        handle.createUpdate("UPDATE releases SET status = :superseded"
                        + " WHERE environment = :environment AND status = :live AND id <> :keep")
                .bind("superseded", Columns.code(ReleaseStatus.SUPERSEDED))
                .bind("live", Columns.code(ReleaseStatus.LIVE))
                .bind("environment", environment)
                .bind("keep", keepId)
                .execute();
    }

    static Optional<Release> find(Handle handle, String id) {
        return handle.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    static List<Release> inEnvironment(Handle handle, String environment) {
        return handle.createQuery(SELECT + " WHERE environment = :environment" + NEWEST_FIRST)
                .bind("environment", environment).map(MAPPER).list();
    }

    static Optional<Release> live(Handle handle, String environment) {
        return handle.createQuery(SELECT + " WHERE environment = :environment AND status = :live" + NEWEST_FIRST)
                .bind("environment", environment)
                .bind("live", Columns.code(ReleaseStatus.LIVE))
                .setMaxRows(1)
                .map(MAPPER).findFirst();
    }
}

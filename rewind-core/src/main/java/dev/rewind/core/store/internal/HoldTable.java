package dev.rewind.core.store.internal;

import dev.rewind.core.store.Hold;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code holds} table. */
final class HoldTable {

    private static final String SELECT = "SELECT id, environment, reason, created_by, created_at, expires_at,"
            + " released_at, released_by FROM holds";
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, id DESC";

    private static final RowMapper<Hold> MAPPER = (rs, ctx) -> new Hold(
            rs.getString("id"),
            rs.getString("environment"),
            rs.getString("reason"),
            rs.getString("created_by"),
            Columns.instant(rs, "created_at"),
            Columns.instant(rs, "expires_at"),
            Columns.instant(rs, "released_at"),
            rs.getString("released_by"));

    private HoldTable() {}

    static void insert(Handle handle, Hold hold) {
        handle.createUpdate("INSERT INTO holds (id, environment, reason, created_by, created_at, expires_at,"
                        + " released_at, released_by) VALUES (:id, :environment, :reason, :createdBy, :createdAt,"
                        + " :expiresAt, :releasedAt, :releasedBy)")
                .bind("id", hold.id())
                .bind("environment", hold.environment())
                .bind("reason", hold.reason())
                .bind("createdBy", hold.createdBy())
                .bind("createdAt", Columns.time(hold.createdAt()))
                .bind("expiresAt", Columns.time(hold.expiresAt()))
                .bind("releasedAt", Columns.time(hold.releasedAt()))
                .bind("releasedBy", hold.releasedBy())
                .execute();
    }

    /** Releases the hold unless it already was; the first release wins. */
    static void release(Handle handle, String id, String releasedBy, Instant releasedAt) {
        handle.createUpdate("UPDATE holds SET released_at = :releasedAt, released_by = :releasedBy"
                        + " WHERE id = :id AND released_at IS NULL")
                .bind("releasedAt", Columns.time(releasedAt))
                .bind("releasedBy", releasedBy)
                .bind("id", id)
                .execute();
    }

    static Optional<Hold> find(Handle handle, String id) {
        return handle.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    static List<Hold> active(Handle handle, String environment, Instant now) {
        return handle.createQuery(SELECT + " WHERE environment = :environment AND released_at IS NULL"
                        + " AND expires_at > :now" + NEWEST_FIRST)
                .bind("environment", environment)
                .bind("now", Columns.time(now))
                .map(MAPPER).list();
    }

    static List<Hold> inEnvironment(Handle handle, String environment) {
        return handle.createQuery(SELECT + " WHERE environment = :environment" + NEWEST_FIRST)
                .bind("environment", environment).map(MAPPER).list();
    }
}

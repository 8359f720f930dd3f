package dev.rewind.core.store.internal;

import dev.rewind.core.store.ApiToken;
import dev.rewind.core.store.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code tokens} table: API tokens by the SHA-256 of their secret. */
final class TokenTable {

    private static final String SELECT = "SELECT sha256, name, role, created_at, created_by, revoked_at, last_used_at"
            + " FROM tokens";

    private static final RowMapper<ApiToken> MAPPER = (rs, ctx) -> new ApiToken(
            rs.getString("name"),
            Columns.enumOf(Role.class, rs, "role"),
            rs.getString("sha256"),
            Columns.instant(rs, "created_at"),
            rs.getString("created_by"),
            Columns.instant(rs, "revoked_at"),
            Columns.instant(rs, "last_used_at"));

    private TokenTable() {}

    static void insert(Handle handle, ApiToken token) {
        handle.createUpdate("INSERT INTO tokens (sha256, name, role, created_at, created_by, revoked_at, last_used_at)"
                        + " VALUES (:sha256, :name, :role, :createdAt, :createdBy, :revokedAt, :lastUsedAt)")
                .bind("sha256", token.sha256())
                .bind("name", token.name())
                .bind("role", Columns.code(token.role()))
                .bind("createdAt", Columns.time(token.createdAt()))
                .bind("createdBy", token.createdBy())
                .bind("revokedAt", Columns.time(token.revokedAt()))
                .bind("lastUsedAt", Columns.time(token.lastUsedAt()))
                .execute();
    }

    static Optional<ApiToken> bySha256(Handle handle, String sha256) {
        return handle.createQuery(SELECT + " WHERE sha256 = :sha256").bind("sha256", sha256).map(MAPPER).findOne();
    }

    static Optional<ApiToken> active(Handle handle, String name) {
        return handle.createQuery(SELECT + " WHERE name = :name AND revoked_at IS NULL")
                .bind("name", name).map(MAPPER).findOne();
    }

    static List<ApiToken> all(Handle handle) {
        return handle.createQuery(SELECT + " ORDER BY created_at DESC, name").map(MAPPER).list();
    }

    static void revoke(Handle handle, String sha256, Instant at) {
        handle.createUpdate("UPDATE tokens SET revoked_at = :at WHERE sha256 = :sha256 AND revoked_at IS NULL")
                .bind("at", Columns.time(at))
                .bind("sha256", sha256)
                .execute();
    }

    static void used(Handle handle, String sha256, Instant at) {
        handle.createUpdate("UPDATE tokens SET last_used_at = :at WHERE sha256 = :sha256")
                .bind("at", Columns.time(at))
                .bind("sha256", sha256)
                .execute();
    }
}

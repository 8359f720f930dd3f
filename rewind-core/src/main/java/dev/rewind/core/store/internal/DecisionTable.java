package dev.rewind.core.store.internal;

import dev.rewind.core.store.Decision;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code decisions} table. */
final class DecisionTable {

    private static final RowMapper<Decision> MAPPER = (rs, ctx) -> new Decision(
            rs.getString("id"),
            rs.getString("environment"),
            rs.getString("release_id"),
            Columns.instant(rs, "decided_at"),
            rs.getString("action"),
            rs.getString("rules_json"),
            rs.getString("hold_id"));

    private DecisionTable() {}

    static void insert(Handle handle, Decision decision) {
        handle.createUpdate("INSERT INTO decisions (id, environment, release_id, decided_at, action, rules_json,"
                        + " hold_id) VALUES (:id, :environment, :releaseId, :at, :action, :rulesJson, :holdId)")
                .bind("id", decision.id())
                .bind("environment", decision.environment())
                .bind("releaseId", decision.releaseId())
                .bind("at", Columns.time(decision.at()))
                .bind("action", decision.action())
                .bind("rulesJson", decision.rulesJson())
                .bind("holdId", decision.holdId())
                .execute();
    }

    static List<Decision> latest(Handle handle, String environment, int limit) {
        return handle.createQuery("SELECT id, environment, release_id, decided_at, action, rules_json, hold_id"
                        + " FROM decisions WHERE environment = :environment ORDER BY decided_at DESC, id DESC"
                        + " LIMIT :limit")
                .bind("environment", environment)
                .bind("limit", limit)
                .map(MAPPER).list();
    }
}

package dev.rewind.core.store.internal;

import dev.rewind.core.store.Event;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** The {@code events} table: the audit trail, append only. */
final class EventTable {

    private static final String SELECT =
            "SELECT id, occurred_at, actor, environment, action, subject, detail_json FROM events";

    private static final RowMapper<Event> MAPPER = (rs, ctx) -> new Event(
            rs.getString("id"),
            Columns.instant(rs, "occurred_at"),
            rs.getString("actor"),
            rs.getString("environment"),
            rs.getString("action"),
            rs.getString("subject"),
            rs.getString("detail_json"));

    private EventTable() {}

    static void insert(Handle handle, Event event) {
        handle.createUpdate("INSERT INTO events (id, occurred_at, actor, environment, action, subject, detail_json)"
                        + " VALUES (:id, :at, :actor, :environment, :action, :subject, :detailJson)")
                .bind("id", event.id())
                .bind("at", Columns.time(event.at()))
                .bind("actor", event.actor())
                .bind("environment", event.environment())
                .bind("action", event.action())
                .bind("subject", event.subject())
                .bind("detailJson", event.detailJson())
                .execute();
    }

    static List<Event> latest(Handle handle, String environment, int limit) {
        String where = environment == null ? "" : " WHERE environment = :environment";
        Query query = handle.createQuery(SELECT + where + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit);
        if (environment != null) {
            query.bind("environment", environment);
        }
        return query.map(MAPPER).list();
    }

    static List<Event> about(Handle handle, String subject) {
        return handle.createQuery(SELECT + " WHERE subject = :subject ORDER BY occurred_at, id")
                .bind("subject", subject).map(MAPPER).list();
    }
}

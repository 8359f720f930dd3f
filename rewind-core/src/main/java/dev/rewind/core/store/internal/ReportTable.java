package dev.rewind.core.store.internal;

import dev.rewind.core.store.UserReport;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code reports} table: user reports, append only. */
final class ReportTable {

    private static final RowMapper<UserReport> MAPPER = (rs, ctx) -> new UserReport(
            rs.getString("id"),
            rs.getString("environment"),
            rs.getString("reporter"),
            rs.getString("note"),
            Columns.instant(rs, "reported_at"));

    private ReportTable() {}

    static void insert(Handle handle, UserReport report) {
        handle.createUpdate("INSERT INTO reports (id, environment, reporter, note, reported_at)"
                        + " VALUES (:id, :environment, :reporter, :note, :at)")
                .bind("id", report.id())
                .bind("environment", report.environment())
                .bind("reporter", report.reporter())
                .bind("note", report.note())
                .bind("at", Columns.time(report.at()))
                .execute();
    }

    static List<UserReport> since(Handle handle, String environment, Instant since) {
        return handle.createQuery("SELECT id, environment, reporter, note, reported_at FROM reports"
                        + " WHERE environment = :environment AND reported_at >= :since"
                        + " ORDER BY reported_at DESC, id DESC")
                .bind("environment", environment)
                .bind("since", Columns.time(since))
                .map(MAPPER).list();
    }
}

package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.IdTimes;
import dev.rewind.core.config.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The databases Rewind made beside a live one, for {@code rewind prune}: it lists the failed databases kept by
 * swaps, and drops one only when asked, only if its name is one Rewind made for that live database, and only
 * while nobody is connected to it (an operator may be salvaging data).
 */
public final class KeptDatabases {

    /** A failed database kept by a swap, e.g. {@code shop__rewind_run_20261121_093015_k3f9}. */
    public record Kept(String name, Instant createdAt, long sizeBytes) {}

    private static final String DATABASES = """
            SELECT datname, CASE WHEN has_database_privilege(oid, 'CONNECT') THEN pg_database_size(oid) ELSE 0 END
            FROM pg_database WHERE datname LIKE '%\\_\\_rewind\\_%' ORDER BY datname
            """;

    /** A client that just disconnected may still be listed for a moment. */
    private static final Duration LEAVE_GRACE = Duration.ofSeconds(1);

    private KeptDatabases() {}

    /** The kept failed databases of {@code live}'s database; clone backups, shadows and standbys are not listed. */
    public static List<Kept> list(PostgresUrl live) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        try (Connection admin = endpoint.connectMaintenance(endpoint.database())) {
            return Sql.query(admin, DATABASES, row -> new Kept(row.getString(1), IdTimes.of(row.getString(1)),
                            row.getLong(2))).stream()
                    .filter(db -> belongsTo(live, db.name()))
                    .filter(db -> !DatabaseNames.isCloneBackup(db.name()) && !DatabaseNames.isShadow(db.name())
                            && !DatabaseNames.isStandby(db.name()))
                    .toList();
        } catch (SQLException e) {
            throw Sql.failure("Listing the databases kept beside " + endpoint, e,
                    "check that the URL's user can connect to the postgres or template1 database");
        }
    }

    /** Whether {@code name} is a kept, clone backup, shadow or standby database Rewind made for {@code live}'s database. */
    public static boolean belongsTo(PostgresUrl live, String name) {
        return DatabaseNames.belongsTo(live.database(), name);
    }

    /** Drops {@code name} if it exists; refuses names Rewind did not make and databases someone is connected to. */
    public static void drop(PostgresUrl live, String name) {
        if (!belongsTo(live, name)) {
            throw new RewindException(ErrorCode.USAGE, "Refusing to drop \"" + name + "\": it is not a database"
                    + " Rewind made beside \"" + live.database() + "\"" + Sql.FIX + "prune only lists and drops"
                    + " <db>__rewind_* databases; drop anything else by hand");
        }
        PgEndpoint endpoint = PgEndpoint.of(live);
        try (Connection admin = endpoint.connectMaintenance(endpoint.database(), name)) {
            List<PgSession> sessions = SessionDrain.awaitGone(admin, name, LEAVE_GRACE);
            if (!sessions.isEmpty()) {
                throw new RewindException(ErrorCode.FAILED, "Not dropping \"" + name + "\": " + sessions.size()
                        + " session(s) connected to it: " + sessions.stream().map(PgSession::describe)
                        .collect(Collectors.joining(", ")) + Sql.FIX + "finish salvaging and disconnect, then prune"
                        + " again");
            }
            Sql.execute(admin, "DROP DATABASE IF EXISTS " + Sql.ident(name));
        } catch (SQLException e) {
            throw Sql.failure("Dropping \"" + name + "\" beside " + endpoint, e,
                    "the URL's user must own it; nobody may be connected to it; then prune again");
        }
    }
}

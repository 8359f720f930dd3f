package dev.rewind.core.backup.postgres;

import dev.rewind.core.backup.TableCount;
import dev.rewind.core.config.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The standby databases beside a live one ({@link DatabaseNames#standby}): a backup set restored ahead of a
 * rollback. A rollback claims a standby by renaming it to its own shadow name, after which nothing else touches it,
 * and then checks it with {@link #changes}.
 *
 * <p>A write to a table leaves the writing transaction's id in the row ({@code xmin}); ids only grow. So the next
 * transaction id when a standby became ready ({@link #nextXid}) tells every row written since from every row the
 * restore wrote: {@code age(xmin) <= age(horizon)}. Frozen rows count as infinitely old, as they are.
 */
public final class StandbyDatabases {

    private static final String STANDBYS = """
            SELECT datname, CASE WHEN has_database_privilege(oid, 'CONNECT') THEN pg_database_size(oid) ELSE 0 END
            FROM pg_database WHERE datname LIKE '%\\_\\_rewind\\_standby\\_%' ORDER BY datname
            """;
    private static final String NEXT_XID = "SELECT txid_snapshot_xmax(txid_current_snapshot())";
    /** Ages compare only while fewer than 2^31 transactions lie between: PostgreSQL's own wraparound horizon. */
    private static final long COMPARABLE = 1L << 31;
    /** The catalogs a change of a table or column writes a row into (CREATE, ALTER, RENAME). */
    private static final List<String> CATALOGS = List.of("pg_class", "pg_attribute");

    private static final String CONNECT_FIX = "check that the URL's user can connect to the postgres or template1"
            + " database";
    private static final String OWNER_FIX = "the URL's user must own it; then prepare the standby again";

    private StandbyDatabases() {}

    /** {@link Sql#execute}, as a value for {@link PgEndpoint#onMaintenance}. */
    private static Void execute(Connection admin, String sql) throws SQLException {
        Sql.execute(admin, sql);
        return null;
    }

    /** A standby database and its size. */
    public record Standby(String name, long sizeBytes) {}

    /** Every standby database of {@code live}'s database, whatever set it belongs to. */
    public static List<Standby> list(PostgresUrl live) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        return endpoint.onMaintenance("Listing the standby databases beside " + endpoint, CONNECT_FIX,
                admin -> Sql.query(admin, STANDBYS, row -> new Standby(row.getString(1), row.getLong(2))).stream()
                        .filter(db -> DatabaseNames.belongsTo(live.database(), db.name())).toList(),
                endpoint.database());
    }

    /** Whether {@code name} exists on the server of {@code live}. */
    public static boolean exists(PostgresUrl live, String name) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        return endpoint.onMaintenance("Looking for \"" + name + "\" beside " + endpoint, CONNECT_FIX,
                admin -> Sql.databaseExists(admin, name), endpoint.database(), name);
    }

    /** Drops a standby (only a standby of {@code live}'s database, by name), ending any session on it. */
    public static void drop(PostgresUrl live, String name) {
        if (!DatabaseNames.isStandby(name) || !DatabaseNames.belongsTo(live.database(), name)) {
            throw new IllegalArgumentException(name + " is not a standby of " + live.database());
        }
        PgEndpoint endpoint = PgEndpoint.of(live);
        endpoint.onMaintenance("Dropping the standby \"" + name + "\" beside " + endpoint, OWNER_FIX,
                admin -> execute(admin, "DROP DATABASE IF EXISTS " + Sql.ident(name) + " WITH (FORCE)"),
                endpoint.database(), name);
    }

    /**
     * Closes a complete, checked standby to everyone: {@code ALLOW_CONNECTIONS false}, then its sessions ended. Until a
     * rollback claims it, nobody can write into it (a sequence, a constraint or an index its re-check cannot see).
     */
    public static void close(PostgresUrl live, String standby) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        endpoint.onMaintenance("Closing the standby \"" + standby + "\" to connections", OWNER_FIX, admin -> {
            Sql.execute(admin, "ALTER DATABASE " + Sql.ident(standby) + " WITH ALLOW_CONNECTIONS false");
            SessionDrain.drain(admin, standby, DatabaseSwap.DEFAULT_DRAIN_TIMEOUT);
            return null;
        }, endpoint.database(), standby);
    }

    /** Whether {@code name} accepts connections ({@code pg_database.datallowconn}); false when it does not exist. */
    public static boolean allowsConnections(PostgresUrl live, String name) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        return endpoint.onMaintenance("Reading whether \"" + name + "\" accepts connections beside " + endpoint,
                CONNECT_FIX, admin -> Sql.queryOne(admin, "SELECT datallowconn FROM pg_database WHERE datname = "
                        + Sql.literal(name), row -> row.getBoolean(1)).orElse(false), endpoint.database(), name);
    }

    /**
     * Lets {@code claimed} (a standby a rollback renamed to its shadow name) accept connections again, so its re-check,
     * the swap and the live application can connect. Safe to repeat.
     */
    public static void open(PostgresUrl live, String claimed) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        endpoint.onMaintenance("Opening \"" + claimed + "\" to connections beside " + endpoint,
                "the URL's user must own it; the rollback restores from the backup instead",
                admin -> execute(admin, "ALTER DATABASE " + Sql.ident(claimed) + " WITH ALLOW_CONNECTIONS true"),
                endpoint.database(), claimed);
    }

    /**
     * Renames a claimed standby that failed its re-check to {@code kept} ({@link DatabaseNames#kept}), so the run's
     * restore does not drop what was written into it; {@code rewind prune} lists it with the other kept databases.
     */
    public static void keep(PostgresUrl live, String claimed, String kept) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        endpoint.onMaintenance("Keeping \"" + claimed + "\" as \"" + kept + "\" beside " + endpoint,
                "nobody may be connected to it and the URL's user must own it; then run the rollback again", admin -> {
                    SessionDrain.drain(admin, claimed, DatabaseSwap.DEFAULT_DRAIN_TIMEOUT);
                    return execute(admin, "ALTER DATABASE " + Sql.ident(claimed) + " RENAME TO " + Sql.ident(kept));
                }, endpoint.database(), claimed, kept);
    }

    /** The next transaction id of the server: every row written from now on has an {@code xmin} at least this. */
    public static long nextXid(PostgresUrl live) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        return endpoint.onMaintenance("Reading the next transaction id of " + endpoint, "check that the server is up",
                admin -> Sql.queryOne(admin, NEXT_XID, row -> row.getLong(1)).orElseThrow());
    }

    /**
     * Renames {@code standby} to {@code shadow} (a shadow left by an interrupted restore is dropped first), first
     * ending any session on it (one left from before it was closed, or a dry run's): a rename fails while someone is
     * connected. False, changing nothing, when there is no standby to claim.
     */
    public static boolean claim(PostgresUrl live, String standby, String shadow) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        try (Connection admin = endpoint.connectMaintenance(endpoint.database(), standby, shadow)) {
            if (!Sql.databaseExists(admin, standby)) {
                return false;
            }
            if (DatabaseNames.isShadow(shadow) && Sql.databaseExists(admin, shadow)) {
                Sql.execute(admin, "DROP DATABASE " + Sql.ident(shadow) + " WITH (FORCE)");
            }
            SessionDrain.drain(admin, standby, DatabaseSwap.DEFAULT_DRAIN_TIMEOUT);
            Sql.execute(admin, "ALTER DATABASE " + Sql.ident(standby) + " RENAME TO " + Sql.ident(shadow));
            return true;
        } catch (SQLException e) {
            throw Sql.failure("Renaming the standby \"" + standby + "\" to \"" + shadow + "\"", e,
                    "the URL's user must own the standby and may end sessions on it (pg_signal_backend); the rollback"
                            + " restores from the backup instead");
        }
    }

    /**
     * What differs in {@code database} from the backup ({@code expected}) and from its state when it was ready: a
     * table missing or with another exact row count, rows of a table, or catalog rows of its tables and columns,
     * written by a transaction at or after {@code nextXid}. Empty when none. Row values are not compared.
     */
    public static List<String> changes(PostgresUrl live, String database, List<TableCount> expected, long nextXid) {
        try (Connection connection = PgEndpoint.of(live).withDatabase(database).connect()) {
            long now = Sql.queryOne(connection, NEXT_XID, row -> row.getLong(1)).orElseThrow();
            if (now - nextXid >= COMPARABLE) {
                return List.of((now - nextXid) + " transactions ran since it was ready, too many to tell its rows"
                        + " from later ones");
            }
            String horizon = "age('" + Long.remainderUnsigned(nextXid, 1L << 32) + "'::xid)";
            List<TableCount> counts = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (TableCount table : PostgresInspector.tables(connection)) {
                String sql = "SELECT count(*), count(*) FILTER (WHERE age(xmin) <= " + horizon + ") FROM "
                        + Sql.ident(table.schema()) + "." + Sql.ident(table.table());
                long[] found = Sql.queryOne(connection, sql, row -> new long[] {row.getLong(1), row.getLong(2)})
                        .orElseThrow();
                counts.add(new TableCount(table.schema(), table.table(), found[0]));
                if (found[1] > 0) {
                    problems.add(table.qualifiedName() + ": " + found[1] + " rows written since it was ready");
                }
            }
            CountCheck.mismatches(counts, expected).forEach(m -> problems.add(m.describe()));
            for (String catalog : CATALOGS) {
                long written = Sql.queryOne(connection, "SELECT count(*) FROM pg_catalog." + catalog
                        + " WHERE age(xmin) <= " + horizon, row -> row.getLong(1)).orElseThrow();
                if (written > 0) {
                    problems.add(catalog + ": " + written + " rows written since it was ready (a table or column"
                            + " was created or altered)");
                }
            }
            return problems;
        } catch (SQLException e) {
            throw Sql.failure("Checking the standby \"" + database + "\"", e,
                    "check that the URL's user can read every table of it");
        }
    }
}

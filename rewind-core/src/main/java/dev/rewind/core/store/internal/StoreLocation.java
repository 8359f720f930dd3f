package dev.rewind.core.store.internal;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.file.Path;

/** Where a state store lives, parsed from the {@code state:} setting. */
sealed interface StoreLocation {

    /** The location for messages, with any password masked. */
    String display();

    /** A SQLite database file, absolute. */
    record Sqlite(Path file) implements StoreLocation {
        @Override
        public String display() {
            return file.toString();
        }
    }

    /** A PostgreSQL database, as a JDBC URL that may carry credentials. */
    record Postgres(String jdbcUrl, String display) implements StoreLocation {
        @Override
        public String toString() {
            return "Postgres[" + display + "]";
        }
    }

    /** Parses a location: a PostgreSQL URL, or else a file path resolved against {@code projectDir}. */
    static StoreLocation parse(String location, Path projectDir) {
        if (location == null || location.isBlank()) {
            throw new RewindException(ErrorCode.CONFIG, "The state store location is empty; set `state:` in "
                    + "rewind.yaml to a file such as .rewind/state.db or to a postgresql:// URL.");
        }
        if (PostgresUrls.isPostgres(location)) {
            return new Postgres(PostgresUrls.toJdbc(location), PostgresUrls.redact(location));
        }
        return new Sqlite(projectDir.resolve(location).toAbsolutePath().normalize());
    }
}

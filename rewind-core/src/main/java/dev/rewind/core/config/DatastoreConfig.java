package dev.rewind.core.config;

import java.nio.file.Path;

/** State a rollback restores. The first key says which kind: {@code postgres} or {@code files}. */
public sealed interface DatastoreConfig {

    /** A PostgreSQL database at {@code postgresql://user[:password]@host[:port]/db}, backed up by {@code strategy}. */
    record Postgres(@Required PostgresUrl postgres, Strategy strategy) implements DatastoreConfig {
        public Postgres {
            strategy = strategy == null ? Strategy.DUMP : strategy;
        }
    }

    /** A directory of files (uploads, object storage on disk). */
    record Files(@Required Path files) implements DatastoreConfig {}

    /** How a PostgreSQL database is backed up. Spelled in lower case in YAML. */
    enum Strategy {
        /** {@code pg_dump} directory format, online, restored with {@code pg_restore -j}. */
        DUMP,
        /** {@code CREATE DATABASE … TEMPLATE}: fast, needs no client tools, needs a quiet database. */
        CLONE;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

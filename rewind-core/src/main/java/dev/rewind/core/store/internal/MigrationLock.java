package dev.rewind.core.store.internal;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Serialises schema migration between processes opening the same store at once: Flyway's baseline of a database
 * that already holds other tables is not safe when two migrators race. PostgreSQL: a session advisory lock;
 * SQLite: an exclusive lock on {@code <file>.migrate.lock}.
 */
final class MigrationLock implements AutoCloseable {

    /** An arbitrary constant naming Rewind's migration lock among the database's advisory locks. */
    private static final long ADVISORY_KEY = 0x5265_7769_6e64L;

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final AutoCloseable held;

    private MigrationLock(AutoCloseable held) {
        this.held = held;
    }

    static MigrationLock acquire(DataSource source, StoreLocation location) {
        try {
            return switch (location) {
                case StoreLocation.Postgres p -> new MigrationLock(advisory(source));
                case StoreLocation.Sqlite s -> new MigrationLock(file(s.file()));
            };
        } catch (SQLException | IOException e) {
            throw new RewindException(ErrorCode.STORE, "Cannot lock the state store " + location.display()
                    + " to migrate it: " + e.getMessage(), e);
        }
    }

    private static AutoCloseable advisory(DataSource source) throws SQLException {
        Connection connection = source.getConnection();
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return () -> {
            try (connection; Statement st = connection.createStatement()) {
                st.execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
            }
        };
    }

    /** A file lock excludes other processes only; threads of this process queue on this lock first. */
    private static AutoCloseable file(Path database) throws IOException {
        Path lockFile = database.toAbsolutePath().normalize().resolveSibling(database.getFileName() + ".migrate.lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return () -> {
                try (channel) {
                    lock.release();
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            held.close();
        } catch (Exception e) {
            throw new RewindException(ErrorCode.STORE, "Cannot release the state store's migration lock: " + e.getMessage(), e);
        }
    }
}

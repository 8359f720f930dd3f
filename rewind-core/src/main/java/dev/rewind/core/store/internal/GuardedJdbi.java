package dev.rewind.core.store.internal;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Runs store operations on Jdbi, turning every database failure into a STORE error that names the store. */
final class GuardedJdbi {

    private final Jdbi jdbi;
    private final String location;

    GuardedJdbi(Jdbi jdbi, String location) {
        this.jdbi = jdbi;
        this.location = location;
    }

    /** Runs a read on its own connection, in auto-commit. */
    <T> T read(String what, HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            throw failure(what, e);
        }
    }

    /** Runs statements in one transaction and returns a result. */
    <T> T transaction(String what, HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.inTransaction(callback);
        } catch (JdbiException e) {
            throw failure(what, e);
        }
    }

    /** Runs statements in one transaction. */
    void write(String what, HandleConsumer<RuntimeException> consumer) {
        try {
            jdbi.useTransaction(consumer);
        } catch (JdbiException e) {
            throw failure(what, e);
        }
    }

    /**
     * Holds {@code pg_try_advisory_lock} on a connection of its own until the returned handle is closed; always
     * granted on SQLite, which has no such locks. Empty when another session holds the lock.
     */
    Optional<AutoCloseable> advisoryLock(String key) {
        Handle handle = null;
        try {
            handle = jdbi.open();
            if (!"PostgreSQL".equals(handle.getConnection().getMetaData().getDatabaseProductName())) {
                handle.close();
                return Optional.of(() -> {});
            }
            boolean granted = handle.createQuery("SELECT pg_try_advisory_lock(hashtext(:key))")
                    .bind("key", key).mapTo(Boolean.class).one();
            if (!granted) {
                handle.close();
                return Optional.empty();
            }
            Handle held = handle;
            return Optional.of(held::close);
        } catch (JdbiException | SQLException e) {
            if (handle != null) {
                handle.close();
            }
            throw failure("take the advisory lock " + key, e);
        }
    }

    /** The error for an update of a row that does not exist. */
    RewindException missing(String kind, String id) {
        return new RewindException(ErrorCode.STORE, "State store " + location + " has no " + kind + " " + id + ".");
    }

    private RewindException failure(String what, Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        return new RewindException(ErrorCode.STORE, "State store " + location + ": could not " + what + ": "
                + cause.getMessage(), e);
    }
}

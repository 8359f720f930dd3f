package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Terminates the sessions on a database (that accepts no new ones) and waits until they are gone. */
final class SessionDrain {

    private static final long POLL_MILLIS = 5;

    private SessionDrain() {}

    static void drain(Connection admin, String database, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PgSession> sessions = PostgresInspector.otherSessions(admin, database);
        while (!sessions.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new RewindException(ErrorCode.FAILED, "Sessions on \"" + database + "\" did not end within "
                        + timeout + " after pg_terminate_backend: " + sessions.stream().map(PgSession::describe)
                        .collect(Collectors.joining(", ")) + Sql.FIX + "grant the URL's user pg_signal_backend"
                        + " (GRANT pg_signal_backend TO rewind_user) or stop those clients, then run the step again");
            }
            terminate(admin, sessions);
            pause();
            sessions = PostgresInspector.otherSessions(admin, database);
        }
    }

    /** The sessions still on {@code database} after waiting up to {@code timeout} for them to leave by themselves. */
    static List<PgSession> awaitGone(Connection admin, String database, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<PgSession> sessions = PostgresInspector.otherSessions(admin, database);
        while (!sessions.isEmpty() && System.nanoTime() < deadline) {
            pause();
            sessions = PostgresInspector.otherSessions(admin, database);
        }
        return sessions;
    }

    /** {@code pg_terminate_backend} each session; one that already ended is no error. */
    static void terminate(Connection admin, List<PgSession> sessions) throws SQLException {
        for (PgSession session : sessions) {
            Sql.queryOne(admin, "SELECT pg_terminate_backend(?)", row -> row.getBoolean(1), session.pid());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, "Interrupted while ending sessions", e);
        }
    }
}

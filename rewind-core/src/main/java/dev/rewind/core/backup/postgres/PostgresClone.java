package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Strategy {@code clone}: {@code CREATE DATABASE clone TEMPLATE live}, a file-level copy on the same server that
 * needs no client tools, but needs nobody connected to the live database while it runs.
 */
public final class PostgresClone {

    /** How long to keep terminating sessions that reconnect (a pool) before giving up. */
    public static final Duration DEFAULT_RECONNECT_WAIT = Duration.ofSeconds(5);
    private static final long RETRY_MILLIS = 50;

    private final Duration reconnectWait;

    public PostgresClone() {
        this(DEFAULT_RECONNECT_WAIT);
    }

    public PostgresClone(Duration reconnectWait) {
        this.reconnectWait = reconnectWait;
    }

    /**
     * Clones the database of {@code url} into the new database {@code cloneName}. With sessions connected, refuses
     * naming them, unless {@code terminateConnections}, which terminates them (again if they reconnect).
     */
    public CloneResult backup(PostgresUrl url, String cloneName, boolean terminateConnections) {
        PgEndpoint live = PgEndpoint.of(url);
        String serverVersion;
        try (Connection admin = live.connectMaintenance(live.database(), cloneName)) {
            if (Sql.databaseExists(admin, cloneName)) {
                throw new RewindException(ErrorCode.FAILED, "Cannot clone " + live + " into \"" + cloneName
                        + "\": that database already exists and a backup never overwrites one" + Sql.FIX + "back up"
                        + " again with a new backup id, or check with `rewind backups ENV` whether it is an earlier"
                        + " backup");
            }
            serverVersion = PostgresInspector.serverVersion(admin);
            createClone(admin, live, cloneName, terminateConnections);
        } catch (SQLException e) {
            throw Sql.failure("Cloning " + live + " into \"" + cloneName + "\"", e, fixFor(e, live));
        }
        try (Connection clone = live.withDatabase(cloneName).connect()) {
            return new CloneResult(serverVersion, PostgresInspector.schemaVersion(clone),
                    PostgresInspector.tableCounts(clone), cloneName);
        } catch (SQLException e) {
            throw Sql.failure("Counting the rows of the clone \"" + cloneName + "\"", e,
                    "the clone was made; check that the URL's user can read every table");
        }
    }

    private void createClone(Connection admin, PgEndpoint live, String cloneName, boolean terminate)
            throws SQLException {
        long deadline = System.nanoTime() + reconnectWait.toNanos();
        while (true) {
            List<PgSession> sessions = PostgresInspector.otherSessions(admin, live.database());
            if (!sessions.isEmpty() && !terminate) {
                throw busy(live, sessions);
            }
            SessionDrain.terminate(admin, sessions);
            try {
                Sql.execute(admin, "CREATE DATABASE " + Sql.ident(cloneName) + " TEMPLATE "
                        + Sql.ident(live.database()) + Sql.fileCopyStrategy(admin));
                return;
            } catch (SQLException e) {
                if (!Sql.OBJECT_IN_USE.equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    /** The refusal: who is connected, grouped and counted, and what to do. */
    static RewindException busy(PgEndpoint live, List<PgSession> sessions) {
        Map<String, Long> byClient = sessions.stream()
                .collect(Collectors.groupingBy(PgSession::describe, TreeMap::new, Collectors.counting()));
        String who = byClient.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .collect(Collectors.joining(", "));
        return new RewindException(ErrorCode.FAILED, "Cannot clone " + live + ": " + sessions.size()
                + " session(s) connected to it: " + who + "; PostgreSQL copies a database only while nobody is"
                + " connected" + Sql.FIX + "stop the components first, or let deploy do it; or use `strategy: dump`,"
                + " which backs up online");
    }

    private static String fixFor(SQLException e, PgEndpoint live) {
        if ("42501".equals(e.getSQLState())) {
            return "the URL's user " + live.user() + " needs CREATEDB and must own the database (ALTER ROLE "
                    + live.user() + " CREATEDB), or use `strategy: dump`";
        }
        if (Sql.OBJECT_IN_USE.equals(e.getSQLState())) {
            return "something kept reconnecting to the database; stop the components first, or let deploy do it";
        }
        return "nothing was changed; correct the cause and back up again";
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, "Interrupted while waiting to clone the database", e);
        }
    }
}

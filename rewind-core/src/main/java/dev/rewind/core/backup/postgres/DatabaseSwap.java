package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swaps a restored shadow database in for the live one by renaming, so nothing is dropped and the replaced
 * database is kept for salvage. The shadow gets the live database's owner, grants, settings, connection limit and
 * comment first; then new connections to live are blocked, its sessions ended, and both renames committed in one
 * transaction. Afterwards both the new live and the kept database accept connections (whatever
 * {@code datallowconn} was: a crash may have left it false). Safe to repeat after a crash at any point: it looks
 * at which of live, shadow and kept exist and finishes the job; it never drops anything.
 */
public final class DatabaseSwap {

    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSwap.class);

    private final Duration drainTimeout;

    public DatabaseSwap() {
        this(DEFAULT_DRAIN_TIMEOUT);
    }

    /** {@code drainTimeout}: how long to wait for terminated sessions to end. */
    public DatabaseSwap(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    /** Renames live to {@code keptName} and {@code shadowName} to live, or finishes an interrupted swap. */
    public SwapResult swap(PostgresUrl live, String shadowName, String keptName) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        SwapNames names = new SwapNames(endpoint.database(), shadowName, keptName);
        try (Connection admin = endpoint.connectMaintenance(names.live(), shadowName, keptName)) {
            SwapState state = SwapState.of(admin, names);
            LOG.debug("swap {}: {}", names, state);
            return switch (state) {
                case READY -> fresh(admin, names);
                case FIRST_RENAME_DONE -> secondRename(admin, names);
                case SWAPPED -> ensure(admin, names);
                default -> throw state.problem(names);
            };
        } catch (SQLException e) {
            throw Sql.failure("Swapping the shadow \"" + shadowName + "\" in for " + endpoint, e,
                    "the URL's user must own both databases and have CREATEDB (or be a superuser); then run the"
                            + " step again: the swap is safe to repeat and finishes where it stopped");
        }
    }

    private SwapResult fresh(Connection admin, SwapNames names) throws SQLException {
        DatabaseSettings.read(admin, names.live()).withAllowConnections(true).applyTo(admin, names.shadow());
        long start = System.nanoTime();
        Sql.execute(admin, allowConnections(names.live(), false));
        try {
            SessionDrain.drain(admin, names.shadow(), drainTimeout);
            SessionDrain.drain(admin, names.live(), drainTimeout);
            renameBoth(admin, names);
        } catch (SQLException | RuntimeException e) {
            reopen(admin, names.live(), e);
            throw e;
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        Sql.execute(admin, allowConnections(names.kept(), true));
        LOG.debug("swapped {} in {} ms", names, millis);
        return new SwapResult(millis, names.kept());
    }

    private SwapResult secondRename(Connection admin, SwapNames names) throws SQLException {
        DatabaseSettings.read(admin, names.kept()).withAllowConnections(true).applyTo(admin, names.shadow());
        long start = System.nanoTime();
        SessionDrain.drain(admin, names.shadow(), drainTimeout);
        Sql.execute(admin, rename(names.shadow(), names.live()));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        Sql.execute(admin, allowConnections(names.kept(), true));
        return new SwapResult(millis, names.kept());
    }

    private SwapResult ensure(Connection admin, SwapNames names) throws SQLException {
        boolean liveAllows = DatabaseSettings.read(admin, names.live()).allowConnections();
        DatabaseSettings.read(admin, names.kept()).withAllowConnections(liveAllows).applyTo(admin, names.live());
        Sql.execute(admin, allowConnections(names.kept(), true));
        return new SwapResult(0, names.kept());
    }

    private static void renameBoth(Connection admin, SwapNames names) throws SQLException {
        admin.setAutoCommit(false);
        try {
            Sql.execute(admin, rename(names.live(), names.kept()));
            Sql.execute(admin, rename(names.shadow(), names.live()));
            admin.commit();
        } catch (SQLException | RuntimeException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(true);
        }
    }

    /** After a failed swap, live accepts connections again, so the site stays up. */
    private static void reopen(Connection admin, String live, Exception failure) {
        try {
            if (Sql.databaseExists(admin, live)) {
                Sql.execute(admin, allowConnections(live, true));
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static String rename(String from, String to) {
        return "ALTER DATABASE " + Sql.ident(from) + " RENAME TO " + Sql.ident(to);
    }

    private static String allowConnections(String database, boolean allow) {
        return "ALTER DATABASE " + Sql.ident(database) + " WITH ALLOW_CONNECTIONS " + allow;
    }
}

package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.TableCount;
import dev.rewind.core.config.PostgresUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup into a new shadow database beside the live one, which is never touched, and checks the
 * shadow's row counts against the manifest. A shadow left by an interrupted attempt (recognised by its name,
 * see {@link DatabaseNames#shadow}) is dropped and made again; no other database is ever dropped. A standby
 * ({@link DatabaseNames#standby}) is restored the same way, under its own name.
 */
public final class ShadowRestore {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(6);
    private static final Logger LOG = LoggerFactory.getLogger(ShadowRestore.class);

    private final String path;
    private final Duration timeout;

    /** Finds pg_restore on {@code path} (a PATH value) when restoring a dump; 6 h time limit. */
    public ShadowRestore(String path) {
        this(path, DEFAULT_TIMEOUT);
    }

    public ShadowRestore(String path, Duration timeout) {
        this.path = path;
        this.timeout = timeout;
    }

    /** Creates {@code shadowName} like the live database and {@code pg_restore --jobs}es the dump in {@code dir}. */
    public RestoreResult fromDump(PostgresUrl live, Path dir, String shadowName, int jobs, List<TableCount> expected) {
        long start = System.nanoTime();
        PgEndpoint endpoint = PgEndpoint.of(live);
        if (!Files.isRegularFile(dir.resolve("toc.dat"))) {
            throw new RewindException(ErrorCode.FAILED, "No pg_dump directory at " + dir + " (toc.dat is missing)"
                    + Sql.FIX + "check the backup set with `rewind backups ENV --verify`");
        }
        PgTools tools;
        try (Connection admin = endpoint.connectMaintenance(endpoint.database(), shadowName)) {
            tools = PgTools.find(path, PostgresInspector.serverMajor(admin));
            recreate(admin, endpoint, shadowName, DatabaseLayout.read(admin, endpoint.database())
                    .createSql(shadowName));
        } catch (SQLException e) {
            throw Sql.failure("Creating the shadow database \"" + shadowName + "\"", e, createFix(endpoint));
        }
        pgRestore(tools, endpoint.withDatabase(shadowName), dir, jobs);
        return CountCheck.verified(live, shadowName, expected, start);
    }

    /** Creates {@code shadowName} as a copy of the clone backup {@code cloneName}, owned like the live database. */
    public RestoreResult fromClone(PostgresUrl live, String cloneName, String shadowName, List<TableCount> expected) {
        long start = System.nanoTime();
        PgEndpoint endpoint = PgEndpoint.of(live);
        try (Connection admin = endpoint.connectMaintenance(endpoint.database(), shadowName, cloneName)) {
            if (!Sql.databaseExists(admin, cloneName)) {
                throw new RewindException(ErrorCode.FAILED, "The clone backup \"" + cloneName + "\" does not exist"
                        + " on " + live.redacted() + "; it was pruned or never made" + Sql.FIX + "roll back to another"
                        + " backup with `rewind rollback ENV --to RELEASE`");
            }
            String owner = DatabaseLayout.read(admin, endpoint.database()).owner();
            recreate(admin, endpoint, shadowName, "CREATE DATABASE " + Sql.ident(shadowName) + " WITH TEMPLATE "
                    + Sql.ident(cloneName) + " OWNER " + Sql.ident(owner) + Sql.fileCopyStrategy(admin));
        } catch (SQLException e) {
            throw Sql.failure("Creating the shadow database \"" + shadowName + "\" from the clone \"" + cloneName
                    + "\"", e, createFix(endpoint) + "; nobody may be connected to the clone while it is copied");
        }
        return CountCheck.verified(live, shadowName, expected, start);
    }

    /**
     * Checks, changing nothing, that a restore into a shadow of {@code live} can run: the server answers, and for a
     * dump a {@code pg_restore} at least as new as the server is on the path. Returns the server's version.
     */
    public String check(PostgresUrl live, boolean fromDump) {
        PgEndpoint endpoint = PgEndpoint.of(live);
        try (Connection admin = endpoint.connectMaintenance(endpoint.database())) {
            if (fromDump) {
                PgTools.find(path, PostgresInspector.serverMajor(admin));
            }
            return PostgresInspector.serverVersion(admin);
        } catch (SQLException e) {
            throw Sql.failure("Checking the server of " + live.redacted(), e, "make sure the server is up and the URL's"
                    + " user may connect");
        }
    }

    /** Every table of {@code expected} whose count in the shadow differs or that the shadow lacks. */
    public static List<CountMismatch> checkCounts(PostgresUrl live, String shadowName, List<TableCount> expected) {
        return CountCheck.mismatches(CountCheck.count(live, shadowName), expected);
    }

    /**
     * Drops a shadow or standby left by an earlier attempt (only those, by name), then runs {@code createSql}. Both are
     * copies made from a backup set, so dropping one loses nothing.
     */
    private static void recreate(Connection admin, PgEndpoint live, String shadowName, String createSql)
            throws SQLException {
        boolean restoreTarget = DatabaseNames.isShadow(shadowName) || DatabaseNames.isStandby(shadowName);
        if (!restoreTarget || !DatabaseNames.belongsTo(live.database(), shadowName)) {
            throw new RewindException(ErrorCode.USAGE, "\"" + shadowName + "\" is not a shadow database name of \""
                    + live.database() + "\"; Rewind restores only into names made by DatabaseNames.shadow or standby"
                    + Sql.FIX + "use e.g. \""
                    + DatabaseNames.shadow(live.database(), "run-20261121-093015-k3f9") + "\"");
        }
        if (Sql.databaseExists(admin, shadowName)) {
            LOG.debug("dropping the shadow {} left by an interrupted restore", shadowName);
            Sql.execute(admin, "DROP DATABASE " + Sql.ident(shadowName) + " WITH (FORCE)");
        }
        Sql.execute(admin, createSql);
    }

    private void pgRestore(PgTools tools, PgEndpoint shadow, Path dir, int jobs) {
        List<String> command = List.of(tools.pgRestore().toString(), "--jobs=" + Math.max(1, jobs),
                "--no-password", "--exit-on-error", "--dbname=" + shadow.conninfo(), dir.toString());
        PgProcess.Outcome outcome = PgProcess.run(command, shadow.childEnvironment(), timeout, () -> { });
        if (!outcome.ok()) {
            throw new RewindException(ErrorCode.FAILED, "pg_restore of " + dir + " into the shadow " + shadow
                    + " failed (exit " + outcome.exitCode() + "):\n" + outcome.stderrTail() + "\nThe live database"
                    + " was not touched; the shadow is made again on the next attempt" + Sql.FIX + restoreFix(outcome));
        }
    }

    private static String restoreFix(PgProcess.Outcome outcome) {
        String text = outcome.stderrTail();
        return text.contains("must be owner") || text.contains("must be member of role")
                ? "restoring keeps every object's owner: connect as a superuser or as a member of the owning roles"
                        + " (GRANT owner_role TO rewind_user)"
                : "correct the cause above and resume the rollback";
    }

    private static String createFix(PgEndpoint live) {
        return "the live database was not touched; the URL's user " + live.user() + " needs CREATEDB (ALTER ROLE "
                + live.user() + " CREATEDB) and membership in the live database's owner role";
    }
}

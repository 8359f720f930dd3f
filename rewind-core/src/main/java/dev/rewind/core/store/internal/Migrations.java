package dev.rewind.core.store.internal;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store's schema up to date with Flyway. The SQL in {@code db/migration/common} is portable;
 * a dialect that needs its own SQL would get {@code db/migration/sqlite} or {@code db/migration/postgresql}.
 */
final class Migrations {

    /** The schema history table; named for Rewind so it cannot meet an application's own Flyway table. */
    static final String HISTORY_TABLE = "rewind_schema_history";

    /** The newest migration's version (the highest {@code V<n>__} in {@code db/migration/common}). */
    static final int LATEST = 4;

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    /**
     * Migrates the store and returns its schema version; refuses a store from a newer Rewind. A store already at
     * {@link #LATEST} is recognised by one query, without starting Flyway (which takes most of a second): every command
     * opens the store, and a rollback should not wait for that.
     */
    static String migrate(DataSource source, StoreLocation location) {
        if (upToDate(source)) {
            return String.valueOf(LATEST);
        }
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(source)
                .locations("classpath:db/migration/common")
                .table(HISTORY_TABLE)
                .loggers(FlywayLog.class.getName())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        try (MigrationLock lock = MigrationLock.acquire(source, location)) {
            refuseNewer(flyway.info(), location);
            MigrateResult result = flyway.migrate();
            LOG.debug("state store {}: {} migration(s) applied, schema version {}",
                    location.display(), result.migrationsExecuted, result.targetSchemaVersion);
            return flyway.info().current().getVersion().getVersion();
        } catch (FlywayException e) {
            throw new RewindException(ErrorCode.STORE, "Cannot bring the state store " + location.display()
                    + " up to date: " + e.getMessage(), e);
        }
    }

    /** True when the history records every migration up to {@link #LATEST}, nothing newer and no failure. */
    private static boolean upToDate(DataSource source) {
        try (Connection connection = source.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, success FROM " + HISTORY_TABLE)) {
            int highest = -1;
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                String version = rows.getString(1);
                highest = Math.max(highest, version == null ? -1 : Integer.parseInt(version));
            }
            return highest == LATEST;
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    private static void refuseNewer(MigrationInfoService info, StoreLocation location) {
        Optional<MigrationVersion> future = versions(info, true).max(Comparator.naturalOrder());
        if (future.isPresent()) {
            String known = versions(info, false).max(Comparator.naturalOrder())
                    .map(MigrationVersion::getVersion).orElse("none");
            throw new RewindException(ErrorCode.STORE, "The state store " + location.display()
                    + " has schema version " + future.get().getVersion() + " but this Rewind knows versions up to "
                    + known + ": it was written by a newer Rewind. Upgrade Rewind to use this store.");
        }
    }

    private static Stream<MigrationVersion> versions(MigrationInfoService info, boolean future) {
        return Arrays.stream(info.all())
                .filter(migration -> isFuture(migration) == future)
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull);
    }

    private static boolean isFuture(MigrationInfo migration) {
        MigrationState state = migration.getState();
        return state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED;
    }
}

package dev.rewind.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the migrations this version needs and has not yet been recorded, each in its own transaction,
 * under an advisory lock so two instances starting at once do not race. Rows or columns newer than this
 * version knows are left alone.
 */
public final class Migrator {

    private static final long LOCK_KEY = 0x5e_77_1d_00L;

    private static final String CREATE_HISTORY = """
            CREATE TABLE IF NOT EXISTS flyway_schema_history (
                installed_rank int PRIMARY KEY,
                version varchar(50),
                description varchar(200) NOT NULL,
                type varchar(20) NOT NULL,
                script varchar(1000) NOT NULL,
                checksum int,
                installed_by varchar(100) NOT NULL,
                installed_on timestamp NOT NULL DEFAULT now(),
                execution_time int NOT NULL,
                success boolean NOT NULL
            )""";

    private static final String RECORD = """
            INSERT INTO flyway_schema_history
                (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
            SELECT coalesce(max(installed_rank), 0) + 1, ?, ?, 'SQL', ?, ?, current_user, ?, true
            FROM flyway_schema_history""";

    private final Database database;

    public Migrator(Database database) {
        this.database = database;
    }

    /** Applies what is missing of {@code migrations}; returns the versions it applied. */
    public List<Integer> migrate(List<Migration> migrations) throws SQLException {
        try (Connection c = database.connect()) {
            execute(c, "SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                execute(c, CREATE_HISTORY);
                List<Integer> applied = new ArrayList<>();
                for (Migration m : migrations) {
                    if (!MigrationHistory.isApplied(c, m.version())) {
                        apply(c, m);
                        applied.add(m.version());
                    }
                }
                return applied;
            } finally {
                execute(c, "SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        }
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        c.setAutoCommit(false);
        try {
            long start = System.nanoTime();
            execute(c, m.sql());
            int millis = (int) ((System.nanoTime() - start) / 1_000_000);
            try (PreparedStatement st = c.prepareStatement(RECORD)) {
                st.setString(1, Integer.toString(m.version()));
                st.setString(2, m.description());
                st.setString(3, m.script());
                st.setInt(4, m.checksum());
                st.setInt(5, millis);
                st.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration " + m.script() + " failed and was rolled back: " + e.getMessage(),
                    e.getSQLState(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}

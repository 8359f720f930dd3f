package dev.rewind.sampleapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code flyway_schema_history}; tolerates rows from versions newer than this one. */
public final class MigrationHistory {

    /**
     * What the history says about the migrations this version needs.
     *
     * @param applied         how many versioned migrations succeeded, this version's or newer ones
     * @param criticalPending how many of this version's migrations are not recorded
     */
    public record Status(int applied, int criticalPending) {}

    private MigrationHistory() {}

    static boolean isApplied(Connection c, int version) throws SQLException {
        String sql = "SELECT 1 FROM flyway_schema_history WHERE version = ? AND success";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, Integer.toString(version));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The status of {@code needed} against the recorded history. */
    public static Status status(Connection c, List<Migration> needed) throws SQLException {
        Set<String> recorded = new HashSet<>();
        String sql = "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                recorded.add(rs.getString(1));
            }
        }
        int pending = (int) needed.stream().filter(m -> !recorded.contains(Integer.toString(m.version()))).count();
        return new Status(recorded.size(), pending);
    }
}

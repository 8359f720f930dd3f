package dev.rewind.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One fresh database on the shared embedded PostgreSQL 15 server, owned by the superuser {@code postgres}.
 *
 * @param host      always {@code localhost}
 * @param port      the server's port
 * @param name      the database name, unique per test
 * @param user      the role to connect as
 */
public record PostgresDatabase(String host, int port, String name, String user) {

    /** A JDBC URL for this database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name + "?user=" + user;
    }

    /** A libpq URL ({@code postgresql://user@host:port/db}), the form {@code rewind.yaml} and {@code pg_dump} take. */
    public String url() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + name;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Runs one or more SQL statements separated by semicolons. */
    public void execute(String sql) {
        try (Connection c = connect(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + name + ": " + sql, e);
        }
    }

    /** The single value of a one-row, one-column query. */
    public Object queryValue(String sql) {
        try (Connection c = connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + name + ": " + sql, e);
        }
    }
}

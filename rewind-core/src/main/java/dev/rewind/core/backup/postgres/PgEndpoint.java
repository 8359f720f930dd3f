package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * One database on the server of a {@code postgresql://} URL: opens JDBC connections to it and describes it to
 * libpq children as a conninfo string without the password (the password goes in {@code PGPASSWORD}).
 */
record PgEndpoint(PostgresUrl url, String host, int port, String user, String password, String database,
                  Map<String, String> params) {

    private static final List<String> MAINTENANCE = List.of("postgres", "template1");

    static PgEndpoint of(PostgresUrl url) {
        return new PgEndpoint(url, url.host().replaceAll("^\\[(.*)]$", "$1"), url.port(), url.user(), url.password(),
                url.database(), url.params());
    }

    /** The same server and role, another database. */
    PgEndpoint withDatabase(String name) {
        return new PgEndpoint(url, host, port, user, password, name, params);
    }

    Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl(), jdbcProperties());
        } catch (SQLException e) {
            throw new RewindException(ErrorCode.FAILED, "Cannot connect to database \"" + database + "\" at "
                    + url.redacted() + ": " + e.getMessage() + Sql.FIX
                    + "check that the server is up and that the URL's user, password and host are right", e);
        }
    }

    /** Work on a maintenance connection. */
    @FunctionalInterface
    interface MaintenanceWork<T> {
        T run(Connection admin) throws SQLException;
    }

    /**
     * Runs {@code work} on a maintenance connection ({@link #connectMaintenance}, none of {@code avoid}); a failure
     * is {@code what} failed, with {@code fix}.
     */
    <T> T onMaintenance(String what, String fix, MaintenanceWork<T> work, String... avoid) {
        try (Connection admin = connectMaintenance(avoid)) {
            return work.run(admin);
        } catch (SQLException e) {
            throw Sql.failure(what, e, fix);
        }
    }

    /** A connection to a database other than {@code avoid}: {@code postgres}, else {@code template1}. */
    Connection connectMaintenance(String... avoid) {
        RewindException last = null;
        for (String name : MAINTENANCE) {
            if (List.of(avoid).contains(name)) {
                continue;
            }
            try {
                return withDatabase(name).connect();
            } catch (RewindException e) {
                last = e;
            }
        }
        throw new RewindException(ErrorCode.FAILED, "Cannot connect to a maintenance database (postgres or"
                + " template1) at " + url.redacted() + " to create or rename databases"
                + (last == null ? "" : " (" + last.getMessage() + ")")
                + Sql.FIX + "grant CONNECT on one of them to the URL's user", last);
    }

    /** libpq keyword/value connection string, password left out. */
    String conninfo() {
        Map<String, String> keywords = new LinkedHashMap<>();
        keywords.put("host", host);
        keywords.put("port", Integer.toString(port));
        if (user != null) {
            keywords.put("user", user);
        }
        keywords.put("dbname", database);
        keywords.putAll(params);
        keywords.remove("password");
        return keywords.entrySet().stream()
                .map(e -> e.getKey() + "='" + e.getValue().replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(" "));
    }

    /** Environment for a libpq child: the password, if the URL has one. */
    Map<String, String> childEnvironment() {
        String secret = password != null ? password : params.get("password");
        return secret == null ? Map.of() : Map.of("PGPASSWORD", secret);
    }

    private String jdbcUrl() {
        return url.jdbcUrl(database);
    }

    /** Rewind's defaults, overridden by whatever the URL sets. */
    private Properties jdbcProperties() {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "rewind");
        properties.setProperty("connectTimeout", "10");
        properties.putAll(url.jdbcProperties());
        return properties;
    }

    @Override
    public String toString() {
        return "\"" + database + "\" at " + url.redacted();
    }
}

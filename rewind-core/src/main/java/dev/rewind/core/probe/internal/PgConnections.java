package dev.rewind.core.probe.internal;

import dev.rewind.core.config.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * JDBC connections for SQL probes from a {@code postgresql://user[:password]@host[:port]/db[?params]} URL, with
 * every network wait bounded by the probe's timeout.
 */
final class PgConnections {

    private static final Driver DRIVER = new Driver();

    private PgConnections() {}

    static Connection open(PostgresUrl url, Duration timeout) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "rewind-probe");
        properties.putAll(url.jdbcProperties());
        String seconds = Long.toString(seconds(timeout));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", Long.toString(seconds(timeout) + 1));
        return DRIVER.connect(url.jdbcUrl(url.database()), properties);
    }

    /** Whole seconds, rounded up and at least one: what JDBC timeouts take. */
    static long seconds(Duration timeout) {
        return Math.max(1, (timeout.toMillis() + 999) / 1000);
    }
}

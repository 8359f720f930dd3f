package dev.rewind.core.probe.internal;

import dev.rewind.core.config.PostgresUrl;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * JDBC connections for SQL probes from a {@code postgresql://user[:password]@host[:port]/db[?params]} URL, with
 * every network wait bounded by the probe's timeout. (The backup package has its own, package-private endpoint
 * class; this is the small part a probe needs.)
 */
final class PgConnections {

    private static final Driver DRIVER = new Driver();
    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "connect_timeout", "connectTimeout", "application_name", "ApplicationName");

    private PgConnections() {}

    static Connection open(PostgresUrl url, Duration timeout) throws SQLException {
        URI uri = URI.create(url.url());
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "rewind-probe");
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (!kv[0].isEmpty()) {
                    properties.setProperty(LIBPQ_TO_JDBC.getOrDefault(decode(kv[0]), decode(kv[0])), kv.length > 1 ? decode(kv[1]) : "");
                }
            }
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            String[] userPassword = userInfo.split(":", 2);
            properties.setProperty("user", decode(userPassword[0]));
            if (userPassword.length > 1) {
                properties.setProperty("password", decode(userPassword[1]));
            }
        }
        String seconds = Long.toString(seconds(timeout));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", Long.toString(seconds(timeout) + 1));
        return DRIVER.connect(jdbcUrl(url), properties);
    }

    /** Whole seconds, rounded up and at least one: what JDBC timeouts take. */
    static long seconds(Duration timeout) {
        return Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    private static String jdbcUrl(PostgresUrl url) {
        String host = url.host().replaceAll("^\\[(.*)]$", "$1");
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + url.port() + "/"
                + URLEncoder.encode(url.database(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String percentEncoded) {
        return URLDecoder.decode(percentEncoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

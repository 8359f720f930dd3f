package dev.rewind.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** A libpq connection URL, {@code postgresql://user[:password]@host[:port]/database[?params]}. */
public record PostgresUrl(String url, String user, String host, int port, String database) {

    /** Parses and checks a {@code postgresql://} or {@code postgres://} URL. */
    public static PostgresUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason(), e);
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("expected postgresql://user@host:5432/database");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || path.isEmpty()) {
            throw new IllegalArgumentException("expected postgresql://user@host:5432/database (host and database are required)");
        }
        String userInfo = uri.getUserInfo();
        String user = userInfo == null ? null : userInfo.split(":", 2)[0];
        return new PostgresUrl(text, user, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path);
    }

    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "connect_timeout", "connectTimeout", "application_name", "ApplicationName");

    /** The password in the URL, decoded; null when there is none. */
    public String password() {
        String userInfo = URI.create(url).getRawUserInfo();
        String[] parts = userInfo == null ? new String[0] : userInfo.split(":", 2);
        return parts.length > 1 ? decode(parts[1]) : null;
    }

    /** The query parameters (libpq keywords such as {@code sslmode}), decoded, in URL order. */
    public Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (!kv[0].isEmpty()) {
                    params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
                }
            }
        }
        return params;
    }

    /** The PgJDBC URL of {@code database} on this URL's server (credentials go in {@link #jdbcProperties()}). */
    public String jdbcUrl(String database) {
        String bare = host.replaceAll("^\\[(.*)]$", "$1");
        String hostPart = bare.contains(":") ? "[" + bare + "]" : bare;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** PgJDBC connection properties: the parameters (libpq names mapped to PgJDBC's), user and password. */
    public Properties jdbcProperties() {
        Properties properties = new Properties();
        params().forEach((key, value) -> properties.setProperty(LIBPQ_TO_JDBC.getOrDefault(key, key), value));
        if (user != null) {
            properties.setProperty("user", user);
        }
        String password = password();
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    private static String decode(String percentEncoded) {
        return URLDecoder.decode(percentEncoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced by {@code ***}, for output. */
    public String redacted() {
        return url.replaceFirst("://([^:@/]+):[^@/]*@", "://$1:***@");
    }

    @Override
    public String toString() {
        return redacted();
    }
}

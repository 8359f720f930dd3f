package dev.rewind.core.store.internal;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the libpq URLs of {@code rewind.yaml} into PgJDBC URLs, and masks their passwords for output. */
final class PostgresUrls {

    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName");
    private static final List<Map.Entry<String, String>> DEFAULTS = List.of(
            Map.entry("connectTimeout", "10"),
            Map.entry("ApplicationName", "rewind"));

    private PostgresUrls() {}

    static boolean isPostgres(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://")
                || lower.startsWith("jdbc:postgresql:");
    }

    /** The PgJDBC URL for a {@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql:} location. */
    static String toJdbc(String location) {
        if (location.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return withDefaults(location);
        }
        Parts parts = Parts.of(location);
        List<String> params = new ArrayList<>();
        if (parts.user() != null) {
            params.add("user=" + reencode(parts.user()));
        }
        if (parts.password() != null) {
            params.add("password=" + reencode(parts.password()));
        }
        for (String param : parts.query().split("&")) {
            if (!param.isEmpty()) {
                String[] pair = param.split("=", 2);
                params.add(LIBPQ_TO_JDBC.getOrDefault(pair[0], pair[0]) + (pair.length > 1 ? "=" + pair[1] : ""));
            }
        }
        return withDefaults("jdbc:postgresql://" + parts.hosts() + "/" + parts.database() + "?"
                + String.join("&", params));
    }

    /** The location with any password replaced by {@code ***}. */
    static String redact(String location) {
        String masked = location.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
        if (location.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return masked;
        }
        Parts parts = Parts.of(masked);
        return parts.password() == null
                ? masked
                : masked.replace("://" + parts.userInfo() + "@", "://" + parts.rawUser() + ":***@");
    }

    private static String withDefaults(String jdbcUrl) {
        int question = jdbcUrl.indexOf('?');
        String query = question < 0 ? "" : jdbcUrl.substring(question + 1);
        List<String> params = new ArrayList<>();
        if (!query.isEmpty()) {
            params.add(query);
        }
        for (Map.Entry<String, String> param : DEFAULTS) {
            if (Arrays.stream(query.split("&")).noneMatch(given -> given.startsWith(param.getKey() + "="))) {
                params.add(param.getKey() + "=" + param.getValue());
            }
        }
        String base = question < 0 ? jdbcUrl : jdbcUrl.substring(0, question);
        return params.isEmpty() ? base : base + "?" + String.join("&", params);
    }

    /** libpq percent-decodes user info; PgJDBC URL-decodes parameters, where '+' would turn into a space. */
    private static String reencode(String percentEncoded) {
        String decoded = URLDecoder.decode(percentEncoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        return URLEncoder.encode(decoded, StandardCharsets.UTF_8);
    }

    /** The pieces of {@code scheme://[user[:password]@]hosts/database[?query]}. */
    private record Parts(String userInfo, String hosts, String database, String query) {

        static Parts of(String location) {
            String rest = location.substring(location.indexOf("://") + 3);
            int question = rest.indexOf('?');
            String query = question < 0 ? "" : rest.substring(question + 1);
            rest = question < 0 ? rest : rest.substring(0, question);
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String database = slash < 0 ? "" : rest.substring(slash + 1);
            int at = authority.lastIndexOf('@');
            Parts parts = new Parts(at < 0 ? null : authority.substring(0, at), authority.substring(at + 1),
                    database, query);
            if (parts.hosts().isEmpty() || parts.database().isEmpty()) {
                throw new RewindException(ErrorCode.CONFIG, "The state store URL " + redactUserInfo(parts, location)
                        + " needs a host and a database, e.g. postgresql://rewind@db.example.com:5432/rewind");
            }
            return parts;
        }

        private static String redactUserInfo(Parts parts, String location) {
            return parts.userInfo() == null ? location : location.replace(parts.userInfo() + "@", "***@");
        }

        String rawUser() {
            int colon = userInfo.indexOf(':');
            return colon < 0 ? userInfo : userInfo.substring(0, colon);
        }

        String user() {
            return userInfo == null ? null : rawUser();
        }

        String password() {
            int colon = userInfo == null ? -1 : userInfo.indexOf(':');
            return colon < 0 ? null : userInfo.substring(colon + 1);
        }
    }
}

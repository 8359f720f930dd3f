package dev.rewind.core.config;

import java.net.URI;
import java.net.URISyntaxException;

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

    /** The URL with any password replaced by {@code ***}, for output. */
    public String redacted() {
        return url.replaceFirst("://([^:@/]+):[^@/]*@", "://$1:***@");
    }

    @Override
    public String toString() {
        return redacted();
    }
}

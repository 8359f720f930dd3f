package dev.rewind.core.config;

import java.net.URI;
import java.util.Set;

/** {@code "GET http://host/path"}: an HTTP method (default GET) and an absolute http(s) URL. */
public record HttpRequestLine(String method, URI url) {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** Parses {@code [METHOD] URL}. */
    public static HttpRequestLine parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length > 2) {
            throw new IllegalArgumentException("expected \"METHOD URL\", e.g. \"GET http://localhost:3001/health\"");
        }
        String method = parts.length == 2 ? parts[0] : "GET";
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown HTTP method " + method + "; use one of " + METHODS);
        }
        return new HttpRequestLine(method, HttpUrl.parse(parts[parts.length - 1]));
    }

    @Override
    public String toString() {
        return method + " " + url;
    }
}

package dev.rewind.core.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Parses the absolute http(s) URLs of probes, metrics and notifiers. */
public final class HttpUrl {

    private HttpUrl() {}

    public static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + "); expected e.g. http://localhost:3001/health", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("expected an http:// or https:// URL, e.g. http://localhost:3001/health");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URL has no host; expected e.g. http://localhost:3001/health");
        }
        return uri;
    }
}

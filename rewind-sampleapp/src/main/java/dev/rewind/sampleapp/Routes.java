package dev.rewind.sampleapp;

import java.util.Set;

/** Maps raw paths and methods to a bounded set of names, for routing and for metric labels. */
public final class Routes {

    public static final String HEALTH = "/health";
    public static final String METRICS = "/metrics";
    public static final String ITEMS = "/api/items";
    public static final String ITEM = "/api/items/{id}";
    public static final String OTHER = "other";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private Routes() {}

    /** {@code /api/items/42} → {@code /api/items/{id}}; any unknown path → {@code other}. */
    public static String normalise(String path) {
        if (path.equals(HEALTH) || path.equals(METRICS)) {
            return path;
        }
        if (path.equals(ITEMS) || path.equals(ITEMS + "/")) {
            return ITEMS;
        }
        if (path.startsWith(ITEMS + "/") && path.indexOf('/', ITEMS.length() + 1) < 0) {
            return ITEM;
        }
        return OTHER;
    }

    /** Standard methods as they are; anything else → {@code OTHER}. */
    public static String method(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }

    /** Whether {@code --fail-rate} applies: every path under /api. */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}

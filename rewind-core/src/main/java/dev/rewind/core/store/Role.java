package dev.rewind.core.store;

import java.util.Locale;

/** What an API token may do; each role includes the ones before it. Stored lower-case. */
public enum Role {
    /** Reads: environments, releases, runs, reports. */
    VIEWER,
    /** Also rolls back and places or releases holds. */
    OPERATOR,
    /** Everything. */
    ADMIN;

    /** True when this role may do what {@code needed} may. */
    public boolean covers(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The lower-case name, as stored and as users see it, e.g. {@code operator}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

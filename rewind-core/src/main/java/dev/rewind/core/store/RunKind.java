package dev.rewind.core.store;

import java.util.Locale;

/** What a run does; stored lower-case. */
public enum RunKind {
    ROLLBACK,
    DEPLOY,
    DRILL,
    WATCH;

    /** The lower-case name, as stored and as users see it, e.g. {@code rollback}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.rewind.core.store;

import java.util.Locale;

/** Where a run stands; stored lower-case. */
public enum RunStatus {
    /** Started and not finished: in flight, or interrupted and resumable. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** The lower-case name, as stored and as users see it, e.g. {@code running}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.rewind.core.store;

import java.util.Locale;

/** Where one journaled step of a run stands; stored lower-case. */
public enum StepStatus {
    PENDING,
    /** Written before the step executes; a step left RUNNING was interrupted. */
    RUNNING,
    DONE,
    FAILED,
    SKIPPED;

    /** The lower-case name, as stored and as users see it, e.g. {@code done}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

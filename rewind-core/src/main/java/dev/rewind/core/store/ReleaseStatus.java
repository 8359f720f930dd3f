package dev.rewind.core.store;

import java.util.Locale;

/** Where a release stands; stored lower-case ({@code deploying}, {@code live}, ...). */
public enum ReleaseStatus {
    /** The deploy is in progress. */
    DEPLOYING,
    /** The release is what the environment runs now; at most one per environment. */
    LIVE,
    /** The deploy did not complete. */
    FAILED,
    /** The release was live and was rolled back. */
    ROLLED_BACK,
    /** A newer release replaced it. */
    SUPERSEDED;

    /** The lower-case name, as stored and as users see it, e.g. {@code live}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

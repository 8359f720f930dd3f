package dev.rewind.core.store;

import java.util.Locale;

/** Where a backup set stands; stored lower-case. */
public enum BackupStatus {
    /** The backup is being written. */
    TAKING,
    /** Every item was written and checked. */
    COMPLETE,
    /** The backup did not complete and must not be restored from. */
    FAILED;

    /** The lower-case name, as stored and as users see it, e.g. {@code complete}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

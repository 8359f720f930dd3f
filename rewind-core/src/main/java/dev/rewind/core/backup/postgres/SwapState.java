package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.sql.Connection;
import java.sql.SQLException;

/** Where a swap stands, from which of live, shadow and kept exist; the last five need a human or a restore. */
enum SwapState {
    /** live and shadow, no kept: nothing done yet. */
    READY,
    /** shadow and kept, no live: stopped between the renames. */
    FIRST_RENAME_DONE,
    /** live and kept, no shadow: swapped; only settings to ensure. */
    SWAPPED,
    NO_SHADOW,
    ALL_THREE,
    ONLY_KEPT,
    ONLY_SHADOW,
    NONE;

    static SwapState of(Connection admin, SwapNames names) throws SQLException {
        boolean live = Sql.databaseExists(admin, names.live());
        boolean shadow = Sql.databaseExists(admin, names.shadow());
        boolean kept = Sql.databaseExists(admin, names.kept());
        if (live) {
            return shadow ? (kept ? ALL_THREE : READY) : (kept ? SWAPPED : NO_SHADOW);
        }
        return shadow ? (kept ? FIRST_RENAME_DONE : ONLY_SHADOW) : (kept ? ONLY_KEPT : NONE);
    }

    /** Why this state cannot be finished automatically, and what to do. */
    RewindException problem(SwapNames n) {
        String live = Sql.ident(n.live());
        return switch (this) {
            case NO_SHADOW -> new RewindException(ErrorCode.FAILED, "Cannot swap: the shadow \"" + n.shadow()
                    + "\" does not exist" + Sql.FIX + "restore the backup into it first (the rollback's prepare step)");
            case ALL_THREE -> new RewindException(ErrorCode.NEEDS_HUMAN, "Cannot swap: " + n + " all exist, so"
                    + " this run already swapped once and a new shadow was made since; Rewind will not guess which"
                    + " to keep" + Sql.FIX + "start a new rollback run, which uses new names");
            case ONLY_KEPT -> new RewindException(ErrorCode.NEEDS_HUMAN, "Cannot swap: neither the live database \""
                    + n.live() + "\" nor the shadow \"" + n.shadow() + "\" exists, only the kept \"" + n.kept() + "\""
                    + Sql.FIX + "to put the old database back: ALTER DATABASE " + Sql.ident(n.kept()) + " RENAME TO "
                    + live + ";");
            case ONLY_SHADOW -> new RewindException(ErrorCode.NEEDS_HUMAN, "Cannot swap: the live database \""
                    + n.live() + "\" is missing and no kept \"" + n.kept() + "\" exists, so it was renamed or"
                    + " dropped outside Rewind" + Sql.FIX + "find it, or make the shadow live: ALTER DATABASE "
                    + Sql.ident(n.shadow()) + " RENAME TO " + live + ";");
            case NONE -> new RewindException(ErrorCode.FAILED, "Cannot swap: none of " + n + " exists" + Sql.FIX
                    + "check the datastore's URL in rewind.yaml");
            case READY, FIRST_RENAME_DONE, SWAPPED -> throw new IllegalStateException(this + " is no problem");
        };
    }
}

package dev.rewind.core.backup;

/**
 * One datastore made ready beside its live copy by a rollback's prepare step: taken over from the set's standby, or
 * restored from the set.
 *
 * @param standby        whether its standby was used, and why (not)
 * @param detail         what was done: the renames of a standby taken over, or the restore
 * @param durationMillis how long it took
 */
public record Prepared(String datastore, StandbyUse standby, String detail, long durationMillis) {

    /** The datastore restored from the set as {@code step} says, its standby not used for {@code standby}'s reason. */
    public static Prepared restored(Restorer.Step step, StandbyUse standby) {
        return new Prepared(step.datastore(), standby, step.detail(), step.durationMillis());
    }
}

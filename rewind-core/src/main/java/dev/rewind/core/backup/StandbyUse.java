package dev.rewind.core.backup;

/**
 * Whether a rollback uses (or, planned, would use) a datastore's standby, and why.
 *
 * @param used   true when the datastore comes from its standby rather than from a restore of the backup set
 * @param reason what was checked and found, or why there is no usable standby
 */
public record StandbyUse(boolean used, String reason) {}

package dev.rewind.core.backup.postgres;

/**
 * A swap done (or found done).
 *
 * @param durationMillis how long the live database refused connections: from blocking new connections to the
 *                       committed renames; 0 when an earlier attempt had already swapped and only settings were
 *                       ensured
 * @param keptName       where the replaced live database is kept for salvage
 */
public record SwapResult(long durationMillis, String keptName) {}

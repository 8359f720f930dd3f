package dev.rewind.core.backup;

import java.time.Instant;

/**
 * One file of a backup set, as recorded in its manifest.
 *
 * @param path     relative to the item's directory, with {@code /} separators
 * @param size     bytes
 * @param modified the file's modification time when it was backed up
 * @param sha256   lower-case hex
 */
public record FileEntry(String path, long size, Instant modified, String sha256) {}

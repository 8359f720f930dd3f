package dev.rewind.core.report;

import java.time.Duration;
import java.time.Instant;

/**
 * The backup set a rollback restored.
 *
 * @param id         its id, {@code bak-…}
 * @param createdAt  when it was taken
 * @param ageAtStart how old it was when the rollback started
 * @param releaseId  the release it was taken for, or null
 * @param sizeBytes  its size
 */
public record BackupUsed(String id, Instant createdAt, Duration ageAtStart, String releaseId, long sizeBytes) {}

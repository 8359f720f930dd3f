package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One verdict of the policy on a release, with every rule it evaluated.
 *
 * @param id          {@code dec-…}, see {@link Ids#decision()}
 * @param environment the environment judged
 * @param releaseId   the release judged, or null if none was known
 * @param at          when the decision was taken (kept to the millisecond)
 * @param action      the verdict, e.g. {@code ROLLBACK_NOW}, {@code INVESTIGATE}, {@code CONTINUE}
 * @param rulesJson   every rule evaluated, with its values, as JSON
 * @param holdId      the hold that suppressed the action, or null
 */
public record Decision(
        String id,
        String environment,
        String releaseId,
        Instant at,
        String action,
        String rulesJson,
        String holdId) {

    public Decision {
        requireNonNull(id, "id");
        requireNonNull(environment, "environment");
        at = Values.requiredMillis(at, "at");
        requireNonNull(action, "action");
        requireNonNull(rulesJson, "rulesJson");
    }
}

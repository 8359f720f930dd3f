package dev.rewind.core.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One line of the audit trail: who did what, when, to what.
 *
 * @param id          {@code evt-…}, see {@link Ids#event()}
 * @param at          when it happened (kept to the millisecond)
 * @param actor       who or what did it
 * @param environment the environment concerned, or null for project-wide events
 * @param action      what happened, e.g. {@code rollback.started}
 * @param subject     the id of what it happened to, e.g. a run id, or null
 * @param detailJson  details as JSON, or null
 */
public record Event(
        String id,
        Instant at,
        String actor,
        String environment,
        String action,
        String subject,
        String detailJson) {

    public Event {
        requireNonNull(id, "id");
        at = Values.requiredMillis(at, "at");
        requireNonNull(actor, "actor");
        requireNonNull(action, "action");
    }
}

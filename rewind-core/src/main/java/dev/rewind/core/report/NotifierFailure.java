package dev.rewind.core.report;

import java.time.Instant;

/**
 * An announcement that did not reach a notifier (a {@code notify.failed} event about the run).
 *
 * @param at       when it was given up
 * @param notifier the notifier, e.g. {@code slack}, or null if the event does not say
 * @param event    the announcement, e.g. {@code rollback.started}, or null if the event does not say
 * @param error    why, or the event's details as recorded
 */
public record NotifierFailure(Instant at, String notifier, String event, String error) {}

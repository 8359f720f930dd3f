package dev.rewind.core.notify;

import java.time.Instant;

/**
 * The outcome of sending one announcement to one notifier.
 *
 * @param notifier the notifier, e.g. {@code slack}, {@code webhook https://hooks.example/rollback}, {@code email}
 * @param event    the announcement's event
 * @param ok       whether it was delivered
 * @param attempts how many attempts it took (or were made before giving up)
 * @param error    why it was not delivered (the last attempt's error), or null
 * @param at       when the last attempt ended
 */
public record Delivery(String notifier, Announcement.Event event, boolean ok, int attempts, String error, Instant at) {}

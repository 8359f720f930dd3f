package dev.rewind.core.report;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of the timeline.
 *
 * @param at         when it happened (a step: when it started)
 * @param sinceStart how long after the timeline's first entry
 * @param kind       {@code decision}, {@code deploy step}, {@code rollback step} or {@code event}
 * @param what       the verdict, the step's name or the event's action (e.g. {@code rollback.started})
 * @param status     a step's status ({@code done}, {@code failed}, …), or null
 * @param took       how long a finished step took, or null
 * @param detail     the rule behind a decision, a step's error, or who caused an event and its details; may be null
 */
public record TimelineEntry(Instant at, Duration sinceStart, String kind, String what, String status, Duration took,
                            String detail) {}

package dev.rewind.bench;

import java.time.Duration;
import java.util.List;

/**
 * One way's rollback, measured.
 *
 * @param whole            decision → verified: Rewind's {@code rewind rollback} process from start to exit; the
 *                         runbook's steps from the stop to a healthy /health (it is down throughout)
 * @param downtime         first component stopped → healthy again, by the way's own clock (Rewind's journal)
 * @param seen             what a poller of /health saw from outside meanwhile
 * @param parts            the steps and their times, in order
 * @param runDuration      the run's own {@code duration} (Rewind's JSON), or null
 * @param reportedDowntime the run's own {@code downtime} (Rewind's JSON), or null
 */
record Measured(Duration whole, Duration downtime, HealthPoller.Seen seen, List<Part> parts, Duration runDuration,
                Duration reportedDowntime) {

    record Part(String name, Duration time) {}
}

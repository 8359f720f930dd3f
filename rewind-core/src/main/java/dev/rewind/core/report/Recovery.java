package dev.rewind.core.report;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the service was down and how long recovery took, against the environment's recovery time objective
 * (seed 000's RTO table: target, actual, met?).
 *
 * @param downtime   first component stopped (or datastore swapped) → last component healthy, or null if not reached
 * @param verifiedAt when the rollback's verification passed, or null if it did not
 * @param actual     the rollback run's start → {@code verifiedAt}, or null if it did not pass
 * @param rto        the environment's {@code rto}, or null if none is set
 * @param rtoMet     whether {@code actual} is within {@code rto}; null without either
 */
public record Recovery(Duration downtime, Instant verifiedAt, Duration actual, Duration rto, Boolean rtoMet) {}

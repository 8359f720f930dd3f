package dev.rewind.bench;

import java.time.Duration;
import java.util.List;

/**
 * One way's answer to the bad release, from its first failed health check to v1 verified on the backup's data.
 *
 * @param detection /health first failing (seen by the outside poller) → the decision to roll back
 * @param rollback  the decision → the rollback verified
 * @param downtime  the first component stopped → healthy again, by the way's own clock
 * @param outage    /health failing → answering 200 again, seen from outside (the longest gap between two 200s)
 * @param trigger   what decided: Rewind's rule, or the runbook's failed checks
 * @param preserved what the bad release wrote after the backup, looked for after the rollback
 * @param steps     the rollback's steps and their times
 */
record Recovery(Duration detection, Duration rollback, Duration downtime, Duration outage, String trigger,
                Preserved preserved, List<Measured.Part> steps) {

    /** Logs the measurement and its steps (progress on stderr); returns it. */
    Recovery logged(String way) {
        Log.info(way + ": detection " + Timed.format(detection) + " (" + trigger + "), rollback "
                + Timed.format(rollback) + ", downtime " + Timed.format(downtime) + ", failing for "
                + Timed.format(outage) + " seen from outside; after the backup: " + preserved.describe());
        steps.forEach(p -> Log.info("  " + p.name() + ": " + Timed.format(p.time())));
        return this;
    }
}

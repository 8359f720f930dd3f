package dev.rewind.server.internal;

import dev.rewind.core.probe.ProbeResult;
import java.time.Instant;
import java.util.List;

/**
 * An environment's probes as the health monitor last ran them.
 *
 * @param checkedAt when, or null before the first check ended
 * @param healthy   whether every probe passed; null before the first check or when it could not run
 * @param probes    each probe's result, in config order
 */
record Health(Instant checkedAt, Boolean healthy, List<ProbeResult> probes) {

    static final Health UNKNOWN = new Health(null, null, List.of());
}

package dev.rewind.core.probe;

/**
 * Where one probe of a {@link ProbeRunner} stands.
 *
 * @param component           the component the probe belongs to
 * @param probe               the probe's name
 * @param kind                {@code http}, {@code tcp}, {@code command} or {@code sql}
 * @param last                the latest result; null before the first check ends
 * @param consecutiveFailures failures since the last success (0 when the latest check passed)
 * @param checks              checks run since the runner started
 * @param failures            of which failed
 */
public record ProbeState(String component, String probe, String kind, ProbeResult last, int consecutiveFailures,
                         long checks, long failures) {

    static ProbeState initial(Probe probe) {
        return new ProbeState(probe.component(), probe.config().name(), probe.kind(), null, 0, 0, 0);
    }

    ProbeState after(ProbeResult result) {
        return new ProbeState(component, probe, kind, result, result.ok() ? 0 : consecutiveFailures + 1, checks + 1,
                failures + (result.ok() ? 0 : 1));
    }
}

package dev.rewind.core.probe;

import dev.rewind.core.config.ProbeConfig;

/**
 * One health check of one component, ready to run. Made by {@link Probes}; safe to run from many threads, though
 * {@link ProbeRunner} never runs one probe twice at once.
 */
public interface Probe {

    /** The component the probe belongs to. */
    String component();

    /** The probe as configured: its name, kind, interval and timeout. */
    ProbeConfig config();

    /** {@code http}, {@code tcp}, {@code command} or {@code sql}. */
    String kind();

    /**
     * Runs the check once. Never throws: every failure, including an unexpected one, is a failed result with a
     * reason. Returns within the probe's timeout plus at most a second, even when the target hangs.
     */
    ProbeResult check();
}

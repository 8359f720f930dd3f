package dev.rewind.core.probe;

import java.time.Duration;
import java.time.Instant;

/**
 * One probe's answer at one moment.
 *
 * @param component the component the probe belongs to
 * @param probe     the probe's name (its target when not named)
 * @param kind      {@code http}, {@code tcp}, {@code command} or {@code sql}
 * @param at        when the probe started
 * @param ok        whether every expectation held
 * @param latency   how long the probe took (to the answer, or to the failure)
 * @param reason    what a human can act on: "ok", or the status, body excerpt, failing assertion with its values,
 *                  connection error, exit code and output
 * @param status    the HTTP status, or the command's exit code; null when there was none
 * @param body      the HTTP body as text (at most 64 KiB), for {@code health.<component>} in rules; null otherwise
 */
public record ProbeResult(String component, String probe, String kind, Instant at, boolean ok, Duration latency,
                          String reason, Integer status, String body) {}

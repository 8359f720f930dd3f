package dev.rewind.core.probe.internal;

/**
 * What one attempt of a probe found, before timing and names are added to make a
 * {@link dev.rewind.core.probe.ProbeResult}.
 *
 * @param ok     whether every expectation held
 * @param reason "ok", or what a human can act on
 * @param status the HTTP status or exit code; null when there was none
 * @param body   the HTTP body as text; null otherwise
 */
public record Outcome(boolean ok, String reason, Integer status, String body) {

    public static Outcome passed(Integer status, String body) {
        return new Outcome(true, "ok", status, body);
    }

    public static Outcome failed(String reason) {
        return new Outcome(false, reason, null, null);
    }

    public static Outcome failed(String reason, Integer status, String body) {
        return new Outcome(false, reason, status, body);
    }
}

package dev.rewind.sampleapp;

import java.time.Duration;
import java.util.Optional;

/** The request-level failure modes: {@code --latency} and {@code --fail-rate}. */
public final class Faults {

    private final Duration latency;
    private final FailRate failRate;

    public Faults(Duration latency, FailRate failRate) {
        this.latency = latency;
        this.failRate = failRate;
    }

    /** Sleeps for {@code --latency} before every request but /metrics. */
    void delay(Request request) {
        if (latency.isZero() || request.route().equals(Routes.METRICS)) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("WARN --latency delay cut short by an interrupt on " + request.path());
        }
    }

    /** A 500 for the /api requests that {@code --fail-rate} picks. */
    Optional<Response> simulatedFailure(Request request) {
        if (!Routes.isApi(request.path()) || !failRate.nextFails()) {
            return Optional.empty();
        }
        return Optional.of(Response.error(500, "simulated failure (--fail-rate " + failRate.describe() + ")"));
    }
}

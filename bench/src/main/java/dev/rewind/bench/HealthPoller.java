package dev.rewind.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The downtime seen from outside: {@code GET /health} every 50 ms from a thread of its own; the longest time from one
 * 200 to the next is the outage a user saw (to within the interval), and the first answer that was not a 200 is when
 * a failure began.
 */
final class HealthPoller implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(50);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final URI health;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long lastOk = System.nanoTime();
    private long longestGap;
    private int polls;
    private int failed;
    private boolean down;
    private Instant firstFailure;

    private HealthPoller(URI health) {
        this.health = health;
        this.thread = Thread.ofPlatform().name("health-poller").daemon().start(this::poll);
    }

    static HealthPoller start(URI health) {
        return new HealthPoller(health);
    }

    private void poll() {
        long next = System.nanoTime();
        while (running.get()) {
            boolean ok = ok();
            long now = System.nanoTime();
            synchronized (this) {
                polls++;
                down = !ok;
                if (ok) {
                    longestGap = Math.max(longestGap, now - lastOk);
                    lastOk = now;
                } else {
                    failed++;
                    firstFailure = firstFailure == null ? Instant.now() : firstFailure;
                }
            }
            next += INTERVAL.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                RollbackProject.sleep(Math.max(1, wait / 1_000_000));
            } else {
                next = System.nanoTime();
            }
        }
    }

    private boolean ok() {
        try {
            return RollbackProject.HTTP.send(HttpRequest.newBuilder(health).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * What the poller saw; an outage still going on when it stopped counts up to then. Between two 200s there is
     * always about one interval, so the gap overstates an outage by up to one interval.
     *
     * @param longestGap   longest time between two 200 answers (or from the last 200 to now)
     * @param firstFailure when the first answer that was not a 200 came (by the wall clock), or null when all were
     */
    record Seen(Duration longestGap, int polls, int failed, Instant firstFailure) {

        String describe() {
            return Timed.format(longestGap) + " longest gap without a 200 (" + failed + " of " + polls
                    + " polls failed)";
        }
    }

    /** Stops polling and returns what it saw. */
    Seen stop() {
        running.set(false);
        try {
            thread.join(TIMEOUT.multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            long gap = down ? Math.max(longestGap, System.nanoTime() - lastOk) : longestGap;
            return new Seen(Duration.ofNanos(gap), polls, failed, firstFailure);
        }
    }

    @Override
    public void close() {
        running.set(false);
    }
}

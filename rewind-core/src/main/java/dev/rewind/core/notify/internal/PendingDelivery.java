package dev.rewind.core.notify.internal;

import dev.rewind.core.notify.Announcement;
import dev.rewind.core.notify.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** One announcement on its way to one notifier: counts its attempts, ends in a {@link Delivery}. */
public final class PendingDelivery {

    private final String notifier;
    private final Announcement.Event event;
    private final AtomicInteger attempts = new AtomicInteger();
    private final CompletableFuture<Delivery> result = new CompletableFuture<>();

    PendingDelivery(String notifier, Announcement.Event event) {
        this.notifier = notifier;
        this.event = event;
    }

    /** The notifier's name. */
    public String notifier() {
        return notifier;
    }

    /** The announcement's event. */
    public Announcement.Event event() {
        return event;
    }

    int attempted() {
        return attempts.incrementAndGet();
    }

    void complete(boolean ok, String error) {
        result.complete(new Delivery(notifier, event, ok, attempts.get(), error, Instant.now()));
    }

    /** Ends it as failed if it has not ended yet; true if it had not. */
    public boolean abandon(String error) {
        return result.complete(new Delivery(notifier, event, false, attempts.get(), error, Instant.now()));
    }

    /** Its delivery, waiting at most {@code wait}; if it is still under way, a failed one that says so. */
    public Delivery await(Duration wait, String pendingError) {
        try {
            return result.get(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return pending(pendingError);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pending(pendingError);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a delivery is never completed exceptionally", e);
        }
    }

    private Delivery pending(String error) {
        return new Delivery(notifier, event, false, attempts.get(), error, Instant.now());
    }
}

package dev.rewind.core.notify.internal;

import dev.rewind.core.notify.Announcement;
import dev.rewind.core.notify.Notifiers;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notifier's deliveries, one at a time in the order announced (a later message never overtakes an earlier one),
 * each attempted up to {@code attempts} times with doubling pauses. A failed delivery is logged at WARN.
 */
public final class DeliveryQueue {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryQueue.class);

    private final Notifier notifier;
    private final Notifiers.Options options;
    private final Executor executor;
    private final Runnable stop;

    private DeliveryQueue(Notifier notifier, Notifiers.Options options, Executor executor, Runnable stop) {
        this.notifier = notifier;
        this.options = options;
        this.executor = executor;
        this.stop = stop;
    }

    /** Delivers on its own virtual thread, never blocking the caller. */
    public static DeliveryQueue background(Notifier notifier, Notifiers.Options options, String threadName) {
        ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name(threadName).factory());
        return new DeliveryQueue(notifier, options, executor, executor::shutdownNow);
    }

    /** Delivers on the caller's thread, once: for the console, whose lines must stay in step with the caller's. */
    public static DeliveryQueue inline(Notifier notifier, Notifiers.Options options) {
        Notifiers.Options once = new Notifiers.Options(options.timeout(), 1, Duration.ZERO);
        return new DeliveryQueue(notifier, once, Runnable::run, () -> {});
    }

    /** Queues the message; the returned delivery ends when it was sent or given up on. */
    public PendingDelivery submit(Announcement announcement, String text) {
        PendingDelivery pending = new PendingDelivery(notifier.name(), announcement.event());
        try {
            executor.execute(() -> deliver(announcement, text, pending));
        } catch (RejectedExecutionException e) {
            pending.complete(false, "not sent: the notifiers are closed");
        }
        return pending;
    }

    /** Stops the thread, interrupting a delivery under way; queued ones are not sent. */
    public void stop() {
        stop.run();
    }

    private void deliver(Announcement announcement, String text, PendingDelivery pending) {
        Duration pause = options.backoff();
        int attempt;
        String error;
        while (true) {
            attempt = pending.attempted();
            try {
                notifier.send(announcement, text);
                pending.complete(true, null);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted: the notifiers were closed";
                break;
            } catch (Exception e) {
                error = ErrorTexts.describe(e, options.timeout());
            }
            if (attempt >= options.attempts() || !sleep(pause)) {
                break;
            }
            pause = pause.multipliedBy(2);
        }
        LOG.warn("{} announcement for {} not delivered to {} after {} attempt(s): {}", announcement.event(),
                announcement.environment(), notifier.name(), attempt, error);
        pending.complete(false, error);
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

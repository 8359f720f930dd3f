package dev.rewind.core.notify;

import static java.util.Objects.requireNonNull;

import dev.rewind.core.config.Durations;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.notify.internal.DeliveryQueue;
import dev.rewind.core.notify.internal.NotifierFactory;
import dev.rewind.core.notify.internal.PendingDelivery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people what a deploy or rollback is doing: renders each {@link Announcement} with {@link Messages} and
 * sends it to every notifier of the environment (console, Slack, webhook, email). Sending happens in the background,
 * in order per notifier, with retries; a notifier that fails or hangs never throws to the caller nor blocks it.
 * {@link #flush} reports every {@link Delivery}. The console is written on the caller's thread, so its lines stay in
 * step with the caller's own output.
 */
public final class Notifiers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifiers.class);

    /**
     * How deliveries are made.
     *
     * @param timeout  to connect, and then for each answer (HTTP response, SMTP reply)
     * @param attempts tries per delivery, at least 1
     * @param backoff  the pause after the first failed attempt, doubled after each further one
     */
    public record Options(Duration timeout, int attempts, Duration backoff) {

        /** 5 s timeout, 3 attempts, pauses of 500 ms then 1 s. */
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(5), 3, Duration.ofMillis(500));

        public Options {
            requireNonNull(timeout, "timeout");
            requireNonNull(backoff, "backoff");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("notifier timeout must be positive, was " + timeout);
            }
            if (attempts < 1) {
                throw new IllegalArgumentException("notifier attempts must be at least 1, was " + attempts);
            }
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("notifier backoff must not be negative, was " + backoff);
            }
        }

        /** How long one delivery takes at most: every attempt timing out, plus the pauses between them. */
        public Duration deliveryLimit() {
            Duration pauses = backoff.multipliedBy((1L << (attempts - 1)) - 1);
            return timeout.multipliedBy(attempts).plus(pauses);
        }
    }

    private final Messages messages;
    private final NotifierFactory factory;
    private final List<DeliveryQueue> queues;
    private final Options options;
    private final List<PendingDelivery> deliveries = new ArrayList<>();
    private boolean closed;

    private Notifiers(Messages messages, NotifierFactory factory, List<DeliveryQueue> queues, Options options) {
        this.messages = messages;
        this.factory = factory;
        this.queues = queues;
        this.options = options;
    }

    /**
     * The notifiers of an environment, with the default {@link Options}.
     *
     * @param console where the console notifier writes (the CLI passes its message printer). With no notifiers
     *                configured, announcements go to the console.
     */
    public static Notifiers of(String environment, EnvironmentConfig env, Path projectDir, Consumer<String> console) {
        return of(environment, env, projectDir, console, Options.DEFAULTS);
    }

    /** The notifiers of an environment; templates are read from {@code projectDir/templates}. */
    public static Notifiers of(String environment, EnvironmentConfig env, Path projectDir, Consumer<String> console,
                               Options options) {
        requireNonNull(environment, "environment");
        requireNonNull(env, "env");
        requireNonNull(projectDir, "projectDir");
        requireNonNull(console, "console");
        requireNonNull(options, "options");
        NotifierFactory factory = new NotifierFactory(environment, console, options);
        return new Notifiers(Messages.forProject(projectDir), factory, factory.queues(env.notifiers()), options);
    }

    /** Renders the message and sends it to every notifier in the background; never throws, never blocks beyond rendering. */
    public void announce(Announcement announcement) {
        String text = messages.render(announcement);
        synchronized (this) {
            if (closed) {
                LOG.warn("{} announcement for {} not sent: the notifiers are closed", announcement.event(), announcement.environment());
                return;
            }
            for (DeliveryQueue queue : queues) {
                deliveries.add(queue.submit(announcement, text));
            }
        }
    }

    /**
     * Waits for deliveries in flight, at most {@code timeout}; returns every delivery so far (ok and failed), in the
     * order announced and, per announcement, in the order the notifiers are configured. Deliveries still not done at
     * the deadline are reported failed ({@code still pending after 5s}); a later flush reports how they ended.
     */
    public List<Delivery> flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String pendingError = "still pending after " + Durations.format(timeout);
        return snapshot().stream()
                .map(pending -> pending.await(Duration.ofNanos(deadline - System.nanoTime()), pendingError))
                .toList();
    }

    /** Flushes, waiting at most {@link Options#deliveryLimit()}, then stops; deliveries still pending are given up. */
    @Override
    public void close() {
        close(options.deliveryLimit());
    }

    /**
     * Flushes, waiting at most {@code wait}, then stops; deliveries still pending are given up. Returns every
     * delivery, the given-up ones failed.
     */
    public List<Delivery> close(Duration wait) {
        synchronized (this) {
            if (closed) {
                return flush(Duration.ZERO);
            }
            closed = true;
        }
        flush(wait);
        queues.forEach(DeliveryQueue::stop);
        String error = "given up: still pending after " + Durations.format(wait);
        for (PendingDelivery pending : snapshot()) {
            if (pending.abandon(error)) {
                LOG.warn("{} announcement not delivered to {}: {}", pending.event(), pending.notifier(), error);
            }
        }
        factory.close();
        return flush(Duration.ZERO);
    }

    private synchronized List<PendingDelivery> snapshot() {
        return List.copyOf(deliveries);
    }
}

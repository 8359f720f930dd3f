package dev.rewind.core.notify.internal;

import dev.rewind.core.config.NotifierConfig;
import dev.rewind.core.notify.Notifiers;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds a delivery queue per configured notifier, sharing one HTTP client, which {@link #close} shuts down. */
public final class NotifierFactory implements AutoCloseable {

    private final String environment;
    private final Consumer<String> console;
    private final Notifiers.Options options;
    private HttpClient http;

    public NotifierFactory(String environment, Consumer<String> console, Notifiers.Options options) {
        this.environment = environment;
        this.console = console;
        this.options = options;
    }

    /** A queue per notifier; with none configured, the console. {@code console: false} alone means none at all. */
    public List<DeliveryQueue> queues(List<NotifierConfig> configs) {
        if (configs.isEmpty()) {
            return List.of(DeliveryQueue.inline(new ConsoleNotifier(console), options));
        }
        List<DeliveryQueue> queues = new ArrayList<>();
        for (NotifierConfig config : configs) {
            switch (config) {
                case NotifierConfig.Console c when Boolean.TRUE.equals(c.console()) ->
                        queues.add(DeliveryQueue.inline(new ConsoleNotifier(console), options));
                case NotifierConfig.Console ignored -> { }
                case NotifierConfig.Slack s -> queues.add(background(new SlackNotifier(s.slack(), post()), queues.size()));
                case NotifierConfig.Webhook w ->
                        queues.add(background(new WebhookNotifier(w.webhook(), w.headers(), post()), queues.size()));
                case NotifierConfig.Email e -> queues.add(background(new EmailNotifier(e, options.timeout()), queues.size()));
            }
        }
        return List.copyOf(queues);
    }

    private DeliveryQueue background(Notifier notifier, int index) {
        return DeliveryQueue.background(notifier, options, "rewind-notify-" + environment + "-" + index);
    }

    private HttpPost post() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(options.timeout())
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return new HttpPost(http, options.timeout());
    }

    /** Shuts the HTTP client down, if one was made. */
    @Override
    public void close() {
        if (http != null) {
            http.shutdownNow();
        }
    }
}

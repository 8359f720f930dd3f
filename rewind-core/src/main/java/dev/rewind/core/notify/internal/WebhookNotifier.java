package dev.rewind.core.notify.internal;

import dev.rewind.core.notify.Announcement;
import dev.rewind.core.notify.WebhookEvent;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** Posts each announcement as a {@link WebhookEvent} ({@code rewind.event/v1}) with the configured headers. */
public final class WebhookNotifier implements Notifier {

    private final URI url;
    private final Map<String, String> headers;
    private final HttpPost post;

    public WebhookNotifier(URI url, Map<String, String> headers, HttpPost post) {
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.post = post;
    }

    /** {@code webhook https://hooks.example/rollback}: the URL without its query or user info, which may hold secrets. */
    @Override
    public String name() {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return "webhook " + url.getScheme() + "://" + url.getHost() + port + path;
    }

    @Override
    public void send(Announcement announcement, String text) throws IOException, InterruptedException {
        post.send(url, WebhookEvent.of(announcement, text).toJson(), headers);
    }
}

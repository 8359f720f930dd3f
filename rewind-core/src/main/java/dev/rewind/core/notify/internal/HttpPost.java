package dev.rewind.core.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Posts JSON; any answer but 2xx is an error that names the status and the start of the answer's body. */
public final class HttpPost {

    private static final int BODY_EXCERPT = 200;

    private final HttpClient client;
    private final Duration timeout;

    /** {@code timeout}: how long to wait for the answer once connected (the client has its own connect timeout). */
    public HttpPost(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Posts {@code json} with the extra headers; throws unless the answer is 2xx. */
    public void send(URI uri, String json, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "rewind")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("HTTP " + response.statusCode() + excerpt(response.body()));
        }
    }

    private static String excerpt(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > BODY_EXCERPT ? text.substring(0, BODY_EXCERPT) + "…" : text);
    }
}

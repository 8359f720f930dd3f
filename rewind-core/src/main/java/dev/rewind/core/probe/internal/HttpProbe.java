package dev.rewind.core.probe.internal;

import dev.rewind.core.config.ProbeConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@code http} probe: one request on the shared client, its answer judged by {@link HttpExpectations}. The
 * request is built once; the client does the I/O, and the wait for the answer is bounded by the timeout.
 */
public final class HttpProbe extends BoundedProbe {

    /** The most of a body read; a health answer is far smaller. */
    static final int MAX_BODY = 1024 * 1024;

    private final ProbeConfig.Http config;
    private final HttpExpectations expectations;
    private final HttpRequest request;
    private final String badRequest;

    public HttpProbe(String component, ProbeConfig.Http config, Clock clock) {
        super(component, clock);
        this.config = config;
        this.expectations = new HttpExpectations(requestLine(), config.expect());
        HttpRequest built = null;
        String problem = null;
        try {
            built = request();
        } catch (IllegalArgumentException e) {
            problem = "cannot send " + requestLine() + ": " + e.getMessage();
        }
        this.request = built;
        this.badRequest = problem;
    }

    @Override
    public ProbeConfig.Http config() {
        return config;
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    protected boolean boundsItself() {
        return true;
    }

    @Override
    protected Outcome attempt(long startNanos) throws InterruptedException {
        if (request == null) {
            return Outcome.failed(badRequest);
        }
        CompletableFuture<HttpResponse<byte[]>> answer =
                SharedHttpClient.get().sendAsync(request, info -> new CappedBody(MAX_BODY));
        HttpResponse<byte[]> response;
        try {
            response = answer.get(config.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Outcome.failed(Texts.timedOut(config.timeout()) + " waiting for " + requestLine());
        } catch (ExecutionException e) {
            URI url = config.http();
            return Outcome.failed(NetErrors.describe(e.getCause(), url.getHost(), port(url), config.timeout()));
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        return expectations.judge(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), took,
                response.headers().firstValue("Location").orElse(null));
    }

    private HttpRequest request() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.http())
                .timeout(config.timeout())
                .method(config.method(), HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "rewind-probe");
        config.headers().forEach(builder::setHeader);
        return builder.build();
    }

    private String requestLine() {
        return config.method() + " " + config.http();
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }
}

package dev.rewind.sampleapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * The one HTTP handler: reads the request, applies the failure modes, dispatches by normalised path,
 * writes the answer, logs 5xx answers as ERROR lines on stderr and records metrics.
 */
public final class Router implements HttpHandler {

    private final Map<String, Handler> handlers;
    private final Faults faults;
    private final Metrics metrics;

    /** @param handlers by normalised path, see {@link Routes} */
    public Router(Map<String, Handler> handlers, Faults faults, Metrics metrics) {
        this.handlers = handlers;
        this.faults = faults;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Request request = new Request(method, path, Routes.normalise(path), readBody(exchange));
        Response response = answer(request);
        try {
            send(exchange, response);
        } finally {
            metrics.record(Routes.method(method), request.route(), response.status(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Response answer(Request request) {
        faults.delay(request);
        Response response = faults.simulatedFailure(request).orElseGet(() -> dispatch(request));
        if (response.status() >= 500 && !request.route().equals(Routes.HEALTH)) {
            System.err.println("ERROR " + response.error() + " on " + request.method() + " " + request.path());
        }
        return response;
    }

    private Response dispatch(Request request) {
        Handler handler = handlers.get(request.route());
        if (handler == null) {
            return Response.error(404, "no such path " + request.path()
                    + ": try /health, /metrics, /api/items or /api/items/{id}");
        }
        try {
            return handler.handle(request);
        } catch (HttpError e) {
            return e.response();
        } catch (Exception e) {
            return Failures.toResponse(e);
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                out.write(response.body());
            }
        }
    }
}

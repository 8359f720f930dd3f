package dev.rewind.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real HTTP server on port 0 that records what is posted to it and answers as told. */
final class Receiver implements AutoCloseable {

    /** One received request. */
    record Request(String method, String path, Headers headers, String body) {}

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String answer = "ok";
    private volatile boolean holding;

    private Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    static Receiver start() throws IOException {
        return new Receiver();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers every request with this status and body. */
    void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    /** Holds every answer until {@link #release()}. */
    void hold() {
        holding = true;
    }

    void release() {
        release.countDown();
    }

    /** Whether held answers are still held. */
    boolean held() {
        return release.getCount() > 0;
    }

    /** The next request received, waiting for it. */
    Request next() throws InterruptedException {
        Request request = requests.poll(10, TimeUnit.SECONDS);
        assertThat(request).as("a request within 10s").isNotNull();
        return request;
    }

    /** How many requests arrived and were not taken yet. */
    int waiting() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
        if (holding) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}

package dev.rewind.sampleapp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/** Wires the handlers into the JDK's HTTP server, one virtual thread per request. */
public final class AppServer {

    private final HttpServer server;
    private final String host;

    private AppServer(HttpServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /** Binds and starts the server; fails if the address is taken. */
    public static AppServer start(Options options, Optional<Database> database, Optional<ItemFiles> files,
            long startNanos) throws IOException {
        Metrics metrics = new Metrics(options.version());
        Handler items = database.<Handler>map(db -> new ItemsHandler(new ItemStore(db), files))
                .orElse(request -> {
                    throw new HttpError(503, "no database configured: start the app with --db JDBC_URL");
                });
        Map<String, Handler> handlers = Map.of(
                Routes.HEALTH, new HealthCheck(options, database, files, startNanos),
                Routes.METRICS, request -> Response.text(200, Metrics.CONTENT_TYPE, metrics.render()),
                Routes.ITEMS, items,
                Routes.ITEM, items);
        Faults faults = new Faults(options.latency(), new FailRate(options.failRate()));
        HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 100);
        server.createContext("/", new Router(handlers, faults, metrics));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return new AppServer(server, options.host());
    }

    /** {@code http://127.0.0.1:PORT}, with the real port even when 0 was asked for. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + server.getAddress().getPort();
    }

    /** Stops accepting, gives running requests up to a second to finish. */
    public void stop() {
        server.stop(1);
    }
}

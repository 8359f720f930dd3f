package dev.rewind.server;

import dev.rewind.core.Rewind;
import dev.rewind.server.internal.ApiRoutes;
import dev.rewind.server.internal.ErrorMapper;
import dev.rewind.server.internal.HealthMonitor;
import dev.rewind.server.internal.JournalStream;
import dev.rewind.server.internal.RunLauncher;
import dev.rewind.server.internal.SecurityHeaders;
import dev.rewind.server.internal.ServerJson;
import dev.rewind.server.metrics.RewindMetrics;
import dev.rewind.server.metrics.StorePoller;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code rewind serve}: the REST API, live run progress and the dashboard over one project's engine. A rollback or
 * deploy started here and one started by the CLI share the environment lock and the journal.
 */
public final class RewindServer implements AutoCloseable {

    /** Where the dashboard's static files are on the class path. */
    private static final String DASHBOARD = "/dashboard";

    /** How often the metrics read the runs and decisions recorded in the state store. */
    private static final Duration METRICS_POLL = Duration.ofSeconds(5);

    private final Javalin app;
    private final HealthMonitor health;
    private final RunLauncher runs;
    private final JournalStream journal;
    private final StorePoller metricsPoller;

    private RewindServer(Javalin app, HealthMonitor health, RunLauncher runs, JournalStream journal,
                         StorePoller metricsPoller) {
        this.app = app;
        this.health = health;
        this.runs = runs;
        this.journal = journal;
        this.metricsPoller = metricsPoller;
    }

    /** Starts serving; fails if the address cannot be listened on. */
    public static RewindServer start(Rewind rewind, ServerOptions options) {
        return start(rewind, options, Clock.systemUTC());
    }

    /** Starts serving with {@code clock} for the login throttle and for judging a run's lease. */
    static RewindServer start(Rewind rewind, ServerOptions options, Clock clock) {
        JournalStream journal = new JournalStream(rewind.store(), clock);
        RewindMetrics metrics = new RewindMetrics();
        StorePoller metricsPoller = new StorePoller(rewind.store(),
                List.copyOf(rewind.config().environments().keySet()), metrics).start(METRICS_POLL);
        HealthMonitor health = new HealthMonitor(rewind, options.healthInterval(), metrics);
        RunLauncher runs = new RunLauncher(rewind);
        Javalin app = Javalin.create(RewindServer::configure);
        app.before(new SecurityHeaders());
        app.get("/healthz", ctx -> ctx.json(new Healthz("ok", options.version())));
        app.get("/metrics", ctx -> ctx.contentType(RewindMetrics.CONTENT_TYPE).result(metrics.scrape()));
        ApiRoutes.register(app, rewind, clock, health, runs, journal);
        ErrorMapper.register(app);
        RewindServer server = new RewindServer(app, health, runs, journal, metricsPoller);
        try {
            app.start(options.bind(), options.port());
        } catch (JavalinBindException e) {
            server.close();
            throw ListenFailure.of(options, e);
        }
        return server;
    }

    private static void configure(JavalinConfig config) {
        config.showJavalinBanner = false;
        config.useVirtualThreads = true;
        config.jsonMapper(new JavalinJackson(ServerJson.MAPPER, true));
        if (RewindServer.class.getResource(DASHBOARD) != null) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = DASHBOARD;
                files.location = Location.CLASSPATH;
            });
        }
    }

    /** The port listened on (the one chosen when the options asked for 0). */
    public int port() {
        return app.port();
    }

    /**
     * Stops serving, then waits for the runs started here to end (journaled, but finishing beats resuming), a deploy's
     * watch included.
     */
    @Override
    public void close() {
        journal.close();
        app.stop();
        health.close();
        metricsPoller.close();
        runs.close();
    }

    /** {@code GET /healthz}. */
    record Healthz(String status, String version) {}
}

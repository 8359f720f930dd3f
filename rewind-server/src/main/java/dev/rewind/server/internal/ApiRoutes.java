package dev.rewind.server.internal;

import dev.rewind.core.Rewind;
import io.javalin.Javalin;
import java.time.Clock;

/** Everything under {@code /api}: a bearer token first, then whoami, environments, the runs they start, and runs. */
public final class ApiRoutes {

    private ApiRoutes() {}

    public static void register(Javalin app, Rewind rewind, Clock clock, HealthMonitor health,
                                RunLauncher runs, JournalStream journal) {
        app.before("/api/*", new Authenticator(rewind, clock));
        app.get("/api/whoami", ctx -> ctx.json(Authenticator.caller(ctx)));
        EnvironmentRoutes.register(app, rewind, new RunLiveness(rewind.store(), clock), health);
        RunStartRoutes.register(app, rewind, runs);
        RunRoutes.register(app, rewind, journal);
    }
}

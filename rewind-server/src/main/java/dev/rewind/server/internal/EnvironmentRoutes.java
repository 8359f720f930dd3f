package dev.rewind.server.internal;

import dev.rewind.core.Rewind;
import dev.rewind.core.RewindException;
import dev.rewind.core.StatusResult;
import dev.rewind.core.store.Role;
import dev.rewind.core.store.Run;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/** {@code /api/environments…}: where environments stand, their releases and runs; holds. */
final class EnvironmentRoutes {

    private EnvironmentRoutes() {}

    static void register(Javalin app, Rewind rewind, RunLiveness liveness, HealthMonitor health) {
        app.get("/api/environments", ctx -> {
            StatusResult status = rewind.status(null);
            ctx.json(new EnvironmentView.All(status.project(),
                    status.environments().stream().map(s -> view(rewind, liveness, health, s)).toList()));
        });
        app.get("/api/environments/{env}", ctx -> ctx.json(view(rewind, liveness, health,
                rewind.status(environment(ctx, rewind)).environments().getFirst())));
        app.get("/api/environments/{env}/releases", ctx -> ctx.json(rewind.releases(environment(ctx, rewind))));
        app.get("/api/environments/{env}/runs", ctx -> ctx.json(rewind.runs(environment(ctx, rewind))));
        app.post("/api/environments/{env}/hold", ctx -> hold(ctx, rewind));
    }

    private static EnvironmentView view(Rewind rewind, RunLiveness liveness, HealthMonitor health,
                                        StatusResult.EnvironmentStatus status) {
        String name = status.environment();
        List<String> interrupted = status.runsInFlight().stream()
                .filter(run -> liveness.interrupted(run.id()).isPresent()).map(Run::id).toList();
        return EnvironmentView.of(status, interrupted, rewind.environment(name).confirm(), health.of(name));
    }

    private static void hold(Context ctx, Rewind rewind) {
        Caller caller = Authenticator.require(ctx, Role.OPERATOR);
        String env = environment(ctx, rewind);
        HoldBody body = ServerJson.body(ctx, HoldBody.class);
        ctx.json(body.release() ? rewind.releaseHolds(env, caller.actor())
                : rewind.hold(env, body.duration(), body.reason(), caller.actor()));
    }

    /** The path's environment; a 404 naming the known ones when the config has no such environment. */
    static String environment(Context ctx, Rewind rewind) {
        String name = ctx.pathParam("env");
        try {
            rewind.environment(name);
        } catch (RewindException e) {
            throw new NotFoundResponse(e.getMessage());
        }
        return name;
    }
}

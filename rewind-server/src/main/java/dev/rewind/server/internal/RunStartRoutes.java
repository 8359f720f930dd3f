package dev.rewind.server.internal;

import static dev.rewind.server.internal.EnvironmentRoutes.environment;

import dev.rewind.core.Rewind;
import dev.rewind.core.deploy.DeployRequest;
import dev.rewind.core.deploy.DeployResult;
import dev.rewind.core.rollback.RollbackRequest;
import dev.rewind.core.rollback.RollbackResult;
import dev.rewind.core.store.Role;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code POST /api/environments/{env}/rollback} and {@code …/deploy}: runs in the background (202 once started, see
 * {@link RunLauncher}), or with {@code dry_run} their plan (200), as {@code rewind rollback} and {@code rewind deploy}.
 */
final class RunStartRoutes {

    private RunStartRoutes() {}

    static void register(Javalin app, Rewind rewind, RunLauncher runs) {
        app.post("/api/environments/{env}/rollback", ctx -> rollback(ctx, rewind, runs));
        app.post("/api/environments/{env}/deploy", ctx -> deploy(ctx, rewind, runs));
    }

    /** A rollback; an environment with {@code confirm: true} needs its name in {@code confirm}. */
    private static void rollback(Context ctx, Rewind rewind, RunLauncher runs) {
        Caller caller = Authenticator.require(ctx, Role.OPERATOR);
        String env = environment(ctx, rewind);
        RollbackBody body = ServerJson.body(ctx, RollbackBody.class);
        RollbackRequest request = body.request(caller.actor());
        if (body.dryRun()) {
            ctx.json(rewind.rollbacks(env).dryRun(request));
            return;
        }
        if (rewind.environment(env).confirm() && !env.equals(body.confirm())) {
            throw new BadRequestResponse(env + " asks for confirmation (confirm: true): send \"confirm\": \"" + env
                    + "\" in the body to roll it back");
        }
        started(ctx, env, runs.start("rollback", env, request.actor(), listener -> {
            RollbackResult result = rewind.rollback(env, request, listener);
            return new RunLauncher.Ended(result.runId(), result.status(), true);
        }));
    }

    /** A deploy; like {@code rewind deploy}, it asks for no confirmation. */
    private static void deploy(Context ctx, Rewind rewind, RunLauncher runs) {
        Caller caller = Authenticator.require(ctx, Role.OPERATOR);
        String env = environment(ctx, rewind);
        DeployRequest request = ServerJson.body(ctx, DeployBody.class).request(env, caller.actor());
        if (request.dryRun()) {
            ctx.json(rewind.deploys(env).dryRun(request));
            return;
        }
        started(ctx, env, runs.start("deploy", env, request.actor(), listener -> {
            DeployResult result = rewind.deploy(env, request, listener);
            return new RunLauncher.Ended(result.runId(), result.status(), result.rollback() != null);
        }));
    }

    private static void started(Context ctx, String env, String runId) {
        ctx.status(HttpStatus.ACCEPTED).json(StartedRun.of(runId, env));
    }
}

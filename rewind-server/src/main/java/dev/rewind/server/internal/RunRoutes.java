package dev.rewind.server.internal;

import dev.rewind.core.Rewind;
import dev.rewind.core.report.Reports;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** {@code /api/runs/{id}…}: a run with its journal, its live progress, its incident report. */
final class RunRoutes {

    private RunRoutes() {}

    static void register(Javalin app, Rewind rewind, JournalStream journal) {
        app.get("/api/runs/{id}", ctx -> ctx.json(rewind.run(runId(ctx, rewind))));
        app.get("/api/runs/{id}/events", ctx -> journal.stream(ctx, runId(ctx, rewind)));
        app.get("/api/runs/{id}/report", ctx -> ctx.json(reports(rewind).build(runId(ctx, rewind))));
        app.get("/api/runs/{id}/report.md", ctx -> ctx.contentType("text/markdown; charset=utf-8")
                .result(Reports.markdown(reports(rewind).build(runId(ctx, rewind)), rewind.projectDir())));
    }

    private static Reports reports(Rewind rewind) {
        return new Reports(rewind.store(), rewind.config(), rewind.projectDir());
    }

    /** The path's run; a 404 when the state store has no such run. */
    private static String runId(Context ctx, Rewind rewind) {
        String id = ctx.pathParam("id");
        if (rewind.store().run(id).isEmpty()) {
            throw new NotFoundResponse("no run " + id + " in the state store; list the runs of an environment with"
                    + " GET /api/environments/{env}/runs");
        }
        return id;
    }
}

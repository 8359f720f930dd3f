package dev.rewind.server.internal;

/**
 * The answer to a rollback or deploy started through the API (202): the run has its lock and its first step.
 *
 * @param runId       the run
 * @param environment the environment rolled back or deployed to
 * @param events      where its progress streams ({@code GET}, server-sent events)
 */
record StartedRun(String runId, String environment, String events) {

    static StartedRun of(String runId, String environment) {
        return new StartedRun(runId, environment, "/api/runs/" + runId + "/events");
    }
}

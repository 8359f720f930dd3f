package dev.rewind.server.internal;

import dev.rewind.core.config.Durations;
import dev.rewind.core.deploy.DeployRequest;
import io.javalin.http.BadRequestResponse;
import java.time.Duration;

/**
 * The body of {@code POST /api/environments/{env}/deploy}, as {@code rewind deploy ENV VERSION [--watch DURATION]
 * [--no-auto-rollback] [--dry-run] [--resume RUN]}.
 *
 * @param version      the version to deploy; not needed with {@code resume}
 * @param watch        how long to watch the new release ({@code "10m"}), or null for the environment's {@code watch}
 * @param autoRollback false: on a trigger, announce the decision and do not roll back ({@code --no-auto-rollback});
 *                     null or true: roll back at once
 * @param dryRun       the plan only
 * @param resume       the interrupted deploy to resume, or null
 * @param confirm      null, or the environment's name: a deploy asks for no confirmation, as {@code rewind deploy}
 *                     does not, but a name sent must be the environment's
 */
record DeployBody(String version, String watch, Boolean autoRollback, boolean dryRun, String resume, String confirm) {

    /** The request; a 400 for a missing version, a bad watch or a confirmation naming another environment. */
    DeployRequest request(String environment, String actor) {
        if ((version == null || version.isBlank()) && resume == null) {
            throw new BadRequestResponse("a deploy needs \"version\" (e.g. \"v2\"), or \"resume\" naming the deploy"
                    + " run to resume");
        }
        if (confirm != null && !confirm.equals(environment)) {
            throw new BadRequestResponse("\"confirm\" is '" + confirm + "', not " + environment + ": send \"confirm\": \""
                    + environment + "\" or leave it out");
        }
        return new DeployRequest(version, watchDuration(), !Boolean.FALSE.equals(autoRollback), dryRun, resume, null, actor);
    }

    private Duration watchDuration() {
        if (watch == null) {
            return null;
        }
        try {
            return Durations.parse(watch);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("\"watch\": " + e.getMessage());
        }
    }
}

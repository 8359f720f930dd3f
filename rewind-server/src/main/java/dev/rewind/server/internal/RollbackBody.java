package dev.rewind.server.internal;

import dev.rewind.core.rollback.RollbackRequest;
import io.javalin.http.BadRequestResponse;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/environments/{env}/rollback}.
 *
 * @param to      the release (id or version) to roll back to, or null for the one live before the current
 * @param only    components and datastores to restrict the rollback to; empty or null for all
 * @param dryRun  plan and check the backup only
 * @param confirm the environment's name, required when it has {@code confirm: true}
 * @param reason  why, for the announcement and the report
 * @param resume  the interrupted or failed rollback to resume, or null
 */
record RollbackBody(String to, List<String> only, boolean dryRun, String confirm, String reason, String resume) {

    /** The request; a 400 when {@code only} holds a null. */
    RollbackRequest request(String actor) {
        if (only != null && only.contains(null)) {
            throw new BadRequestResponse("\"only\" lists components and datastores by name; null is not one");
        }
        return new RollbackRequest(to, only == null ? Set.of() : Set.copyOf(only), dryRun, resume, reason, actor);
    }
}

package dev.rewind.core.rollback;

import java.util.Set;

/**
 * What an operator (or an automatic trigger) asks of a rollback.
 *
 * @param to     the release to roll back to (id or version), or null for the last release that was live before the
 *               current one
 * @param only   components and datastores to restrict the run to (the runbooks' partial rollback); empty for all
 * @param dryRun print the plan and check the backup, changing nothing
 * @param resume the run to resume, or null
 * @param reason why, for the announcement and the report
 * @param actor  who asks, for the audit trail
 * @param parent the run that started this one (a deploy that rolls back), or null
 */
public record RollbackRequest(String to, Set<String> only, boolean dryRun, String resume, String reason, String actor,
                              String parent) {

    public RollbackRequest {
        only = only == null ? Set.of() : Set.copyOf(only);
    }

    /** A rollback an operator asks for. */
    public RollbackRequest(String to, Set<String> only, boolean dryRun, String resume, String reason, String actor) {
        this(to, only, dryRun, resume, reason, actor, null);
    }

    /** The rollback a deploy, watch or drill starts itself, to the release that was live before. */
    public static RollbackRequest automatic(String to, String reason, String actor, String parent) {
        return new RollbackRequest(to, Set.of(), false, null, reason, actor, parent);
    }
}

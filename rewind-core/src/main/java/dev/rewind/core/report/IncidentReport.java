package dev.rewind.core.report;

import java.time.Instant;
import java.util.List;

/**
 * The incident report of a rollback (DESIGN.md, the rollback's step 9): what happened, why, when, what it cost and
 * what is left to do. Built by {@link Reports#build}, written as Markdown and as this record's JSON.
 *
 * @param runId            the run the report was asked for (a rollback, or the deploy that rolled back)
 * @param project          the project's name
 * @param generatedAt      when the report was built
 * @param summary          environment, outcome, versions, reason and who
 * @param trigger          what started the rollback, with the decision and the rule values behind it
 * @param timeline         every decision, step and event, oldest first
 * @param backup           the backup set restored, or null when no datastore was restored
 * @param recovery         downtime and recovery time against the environment's RTO
 * @param dataLoss         the writes the restore did not bring back and where they are kept, or null when no
 *                         datastore was restored
 * @param verification     the checks after the rollback, or null when the run did not reach its verify step
 * @param liveState        each component as the rollback found it (from its preflight), in plan order
 * @param notifierFailures announcements that were not delivered
 * @param checklist        the runbooks' post-rollback checklist, ticked where Rewind did it
 */
public record IncidentReport(
        String runId,
        String project,
        Instant generatedAt,
        Summary summary,
        Trigger trigger,
        List<TimelineEntry> timeline,
        BackupUsed backup,
        Recovery recovery,
        DataLoss dataLoss,
        Verification verification,
        List<LiveComponent> liveState,
        List<NotifierFailure> notifierFailures,
        List<ChecklistItem> checklist) {

    public IncidentReport {
        timeline = List.copyOf(timeline);
        liveState = List.copyOf(liveState);
        notifierFailures = List.copyOf(notifierFailures);
        checklist = List.copyOf(checklist);
    }
}

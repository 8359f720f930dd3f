package dev.rewind.core.rollback;

import dev.rewind.core.backup.StandbyUse;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.RunStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code rewind rollback}: a finished run, or with {@code --dry-run} the plan it would run.
 *
 * @param runId          the run's id, or null for a dry run
 * @param environment    the environment
 * @param status         {@code succeeded}, {@code failed}, or {@code planned} for a dry run
 * @param resumed        true when this resumed an interrupted or failed run
 * @param from           the release rolled back
 * @param to             the release rolled back to
 * @param backup         the backup set restored, or null when no datastore is restored
 * @param backupAge      how old that set was when the run started, or null
 * @param backupProblems what the dry run's verification of the set found wrong (empty when intact or not checked)
 * @param standby        dry run: datastore → whether the run would use its standby and why (re-checked now); null
 *                       for a run (its prepare step's output says what it did) or when no datastore is restored
 * @param components     the components acted on, in start order
 * @param datastores     the datastores restored
 * @param kept           datastore → where its replaced live copy is kept
 * @param steps          the journal: every step with status, times, output and error (PENDING in a dry run)
 * @param plannedSteps   step name → what it does
 * @param downtime       from the first stop to the last component healthy, or null if the run did not get there
 * @param duration       the whole run, across resumes, or null for a dry run
 * @param error          why it failed, or null
 * @param resumeCommand  the command that resumes a failed run, or null
 */
public record RollbackResult(String runId, String environment, String status, boolean resumed, Release from,
                             Release to, BackupSet backup, Duration backupAge, List<String> backupProblems,
                             Map<String, StandbyUse> standby, List<String> components, List<String> datastores, Map<String, String> kept,
                             List<RunStep> steps, Map<String, String> plannedSteps, Duration downtime,
                             Duration duration, String error, String resumeCommand) {

    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}

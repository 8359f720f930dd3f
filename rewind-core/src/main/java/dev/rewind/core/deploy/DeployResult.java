package dev.rewind.core.deploy;

import dev.rewind.core.backup.StandbyTask;
import dev.rewind.core.rollback.RollbackResult;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.RunStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code rewind deploy}.
 *
 * @param runId         the deploy run, or null for a dry run
 * @param environment   the environment
 * @param version       the version deployed
 * @param status        {@code live} (deployed and watched), {@code rolled_back} (a trigger fired and the rollback
 *                      ran), {@code rollback_needed} (a trigger fired under {@code --no-auto-rollback}), {@code failed}
 *                      (nothing to roll back, or the rollback failed), or {@code planned} for a dry run
 * @param release       the new release as it ends, or null if the deploy failed before recording it
 * @param previous      the release that was live before, or null
 * @param backup        the backup set taken before the change, or null
 * @param trigger       what made the deploy roll back (the failed step and why, or the policy's rule and values),
 *                      or null
 * @param rollback      the rollback the deploy started, or null
 * @param steps         the deploy's journal
 * @param plannedSteps  step name → what it does
 * @param duration      the deploy run's time, or null for a dry run
 * @param resumeCommand the command that resumes an interrupted or failed deploy, or null
 * @param standby       the standby the watch prepared: ready (failure null), or why not; null when none was started
 *                      or a rollback took it over
 */
public record DeployResult(String runId, String environment, String version, String status, Release release, Release previous,
                           BackupSet backup, String trigger, RollbackResult rollback, List<RunStep> steps,
                           Map<String, String> plannedSteps, Duration duration, String resumeCommand,
                           StandbyTask.Wait standby) {

    DeployResult withStandby(StandbyTask.Wait standby) {
        return new DeployResult(runId, environment, version, status, release, previous, backup, trigger, rollback, steps,
                plannedSteps, duration, resumeCommand, standby);
    }

    /** 0 live or planned, 3 rolled back or rollback needed, 1 failed. */
    public int exitCode() {
        return switch (status) {
            case "live", "planned" -> 0;
            case "rolled_back", "rollback_needed" -> 3;
            default -> 1;
        };
    }
}

package dev.rewind.cli;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Rewind;
import dev.rewind.core.RewindException;
import dev.rewind.core.rollback.RollbackPlan;
import dev.rewind.core.rollback.RollbackRequest;
import dev.rewind.core.rollback.RollbackResult;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StepStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind rollback ENV}: rolls the environment back to its previous release, as a resumable run. */
@Command(name = "rollback", description = "Roll an environment back to its previous release: restore its data,"
        + " switch the code back, verify. Journaled and resumable; nothing is dropped.")
final class RollbackCommand extends ProjectCommand {

    static final String CONFIRM_VARIABLE = "REWIND_CONFIRM";

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Option(names = "--to", paramLabel = "RELEASE", description = "the release (id or version) to roll back to;"
            + " default: the last one live before the current")
    String to;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "only these components and datastores")
    Set<String> only;

    @Option(names = "--dry-run", description = "print the plan and check the backup; change nothing")
    boolean dryRun;

    @Option(names = "--yes", description = "do not ask for confirmation (also REWIND_CONFIRM=yes)")
    boolean yes;

    @Option(names = "--resume", paramLabel = "RUN", description = "resume an interrupted or failed run")
    String resume;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the announcement and the report")
    String reason;

    @Override
    int execute(Rewind rewind) {
        RollbackRequest request = new RollbackRequest(to, only, dryRun, resume, reason, context().user());
        if (dryRun) {
            RollbackResult result = rewind.rollbacks(environment).dryRun(request);
            print(result, RollbackCommand::plan);
            return result.backupProblems().isEmpty() ? 0 : 1;
        }
        if (rewind.environment(environment).confirm()) {
            confirm(rewind.rollbacks(environment).plan(request));
        }
        RollbackResult result;
        try (StepPrinter printer = new StepPrinter(context(), options.json)) {
            result = rewind.rollback(environment, request, printer);
        }
        writeReport(rewind, result.runId());
        print(result, RollbackCommand::outcome);
        return result.succeeded() ? 0 : 1;
    }

    private void confirm(RollbackPlan plan) {
        if (yes || "yes".equals(context().environment().get(CONFIRM_VARIABLE))) {
            return;
        }
        if (!context().terminal()) {
            throw new RewindException(ErrorCode.USAGE, environment + " asks for confirmation (confirm: true), and"
                    + " there is no terminal to ask on\n    fix: pass --yes, or set " + CONFIRM_VARIABLE + "=yes");
        }
        var err = context().err();
        err.println("⚠  This rolls " + environment + " back from " + plan.from().version() + " to " + plan.to().version()
                + (plan.backup() == null ? "" : ", restoring " + String.join(", ", plan.datastores()) + " from backup "
                + plan.backup().id() + " (" + Text.time(plan.backup().createdAt()) + ")"));
        err.println("⚠  The current data is kept, not dropped; writes made since the backup stay in the kept copy.");
        err.print("Type the environment name to proceed: ");
        err.flush();
        String typed;
        try {
            typed = context().in().readLine();
        } catch (IOException e) {
            typed = null;
        }
        if (typed == null || !typed.strip().equals(environment)) {
            throw new RewindException(ErrorCode.USAGE, "rollback of " + environment + " cancelled: the name typed was '"
                    + (typed == null ? "" : typed.strip()) + "'\n    fix: type " + environment + " exactly, or pass --yes");
        }
    }

    private static String plan(RollbackResult r) {
        StringBuilder out = new StringBuilder();
        out.append(r.resumed() ? "Would resume " + r.runId() + ": " : "Plan: ").append("roll ").append(r.environment())
                .append(" back from ").append(release(r.from())).append(" to ").append(release(r.to())).append('\n');
        if (r.backup() != null) {
            out.append("Backup: ").append(r.backup().id()).append(", taken ").append(Text.time(r.backup().createdAt()))
                    .append(" (").append(age(r.backupAge())).append(" old), ").append(Text.bytes(r.backup().sizeBytes()))
                    .append(r.backupProblems().isEmpty() ? ", every checksum verified" : ", DAMAGED").append('\n');
            r.standby().forEach((datastore, use) -> out.append("Standby of ").append(datastore).append(": ")
                    .append(use.used() ? "will be used: " : "not used, restored from the backup: ").append(use.reason())
                    .append('\n'));
        } else {
            out.append("Backup: none; no datastore is restored\n");
        }
        int n = 1;
        for (Map.Entry<String, String> step : r.plannedSteps().entrySet()) {
            out.append(String.format("%3d. %-18s %s%n", n++, step.getKey(), step.getValue()));
        }
        r.backupProblems().forEach(p -> out.append("✗ ").append(p).append('\n'));
        out.append("Nothing was changed (--dry-run).\n");
        return out.toString();
    }

    private static String outcome(RollbackResult r) {
        StringBuilder out = new StringBuilder();
        if (r.succeeded()) {
            out.append("Rolled ").append(r.environment()).append(" back from ").append(release(r.from())).append(" to ")
                    .append(release(r.to())).append(" in ").append(Text.seconds(r.duration()));
            if (r.downtime() != null) {
                out.append(" (downtime ").append(Text.seconds(r.downtime())).append(')');
            }
            out.append(".\n");
        } else {
            out.append("Rollback ").append(r.runId()).append(" of ").append(r.environment()).append(" FAILED: ")
                    .append(r.error()).append("\nRollback progress:\n");
            progress(r.steps(), out);
        }
        if (r.backup() != null && r.succeeded()) {
            out.append("Restored from backup ").append(r.backup().id()).append(" (").append(age(r.backupAge()))
                    .append(" old). ");
        }
        if (!r.kept().isEmpty()) {
            out.append("The replaced data is kept, not dropped: ").append(String.join(", ", r.kept().values()))
                    .append(" (remove with `rewind prune ").append(r.environment()).append("`).\n");
        } else {
            out.append('\n');
        }
        if (r.resumeCommand() != null) {
            out.append("Resume with: ").append(r.resumeCommand()).append('\n');
        }
        return out.toString();
    }

    private static void progress(List<RunStep> steps, StringBuilder out) {
        for (RunStep step : steps) {
            out.append("  ").append(StepPrinter.line(step));
            if (step.status() == StepStatus.FAILED) {
                out.append(": ").append(step.error().lines().findFirst().orElse(""));
            }
            out.append('\n');
        }
    }

    private static String release(dev.rewind.core.store.Release release) {
        return release.version() + " (" + release.id() + ")";
    }

    private static String age(Duration d) {
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        return d.toHours() < 2 ? d.toMinutes() + " min" : d.toHours() + " h";
    }
}

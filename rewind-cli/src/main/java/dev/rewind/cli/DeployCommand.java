package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.deploy.DeployRequest;
import dev.rewind.core.deploy.DeployResult;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind deploy ENV VERSION}: deploy with a backup first, a watch after, and automatic rollback. */
@Command(name = "deploy", description = "Deploy a version with a safety net: verified backup first, then stop, activate,"
        + " start, verify and watch; a failed hook, start or verification, or the policy, rolls back at once."
        + " Exit 0 live, 3 rolled back (or rollback needed), 1 failed.")
final class DeployCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Parameters(index = "1", paramLabel = "VERSION", arity = "0..1", description = "the version to deploy (not needed with --resume)")
    String version;

    @Option(names = "--watch", paramLabel = "DURATION", description = "watch the new release this long (default: the environment's `watch`, 10m)")
    Duration watch;

    @Option(names = "--no-auto-rollback", description = "on a trigger, announce the decision and exit 3 without rolling back")
    boolean noAutoRollback;

    @Option(names = "--dry-run", description = "print the plan; change nothing")
    boolean dryRun;

    @Option(names = "--resume", paramLabel = "RUN", description = "resume an interrupted deploy")
    String resume;

    @Override
    int execute(Rewind rewind) {
        if (version == null && resume == null) {
            throw new picocli.CommandLine.ParameterException(root().spec.commandLine(), "a deploy needs a VERSION,"
                    + " e.g. `rewind deploy " + environment + " v2`");
        }
        DeployRequest request = new DeployRequest(version, watch, !noAutoRollback, dryRun, resume, null, context().user());
        if (dryRun) {
            DeployResult plan = rewind.deploys(environment).dryRun(request);
            print(plan, DeployCommand::plan);
            return 0;
        }
        DeployResult result;
        try (StepPrinter printer = new StepPrinter(context(), options.json)) {
            result = rewind.deploy(environment, request, printer);
        }
        if (result.rollback() != null) {
            writeReport(rewind, result.runId());
        }
        print(result, DeployCommand::outcome);
        return result.exitCode();
    }

    private static String plan(DeployResult r) {
        StringBuilder out = new StringBuilder("Plan: deploy ");
        out.append("to ").append(r.environment())
                .append(r.previous() == null ? " (nothing live yet)" : ", replacing " + r.previous().version()).append('\n');
        int n = 1;
        for (Map.Entry<String, String> step : r.plannedSteps().entrySet()) {
            out.append(String.format("%3d. %-18s %s%n", n++, step.getKey(), step.getValue()));
        }
        out.append("Nothing was changed (--dry-run).\n");
        return out.toString();
    }

    static String outcome(DeployResult r) {
        String version = r.version();
        StringBuilder out = new StringBuilder();
        switch (r.status()) {
            case "live" -> out.append(version).append(" is live in ").append(r.environment())
                    .append(r.previous() == null ? "" : "; " + r.previous().version() + " superseded")
                    .append(" (").append(Text.seconds(r.duration())).append(").\n");
            case "rolled_back" -> out.append("Deploy of ").append(version).append(" rolled back to ")
                    .append(r.previous().version()).append(": ").append(r.trigger().lines().findFirst().orElse(""))
                    .append("\nRollback ").append(r.rollback().runId()).append(": ").append(r.rollback().status())
                    .append(r.rollback().downtime() == null ? "" : ", downtime " + Text.seconds(r.rollback().downtime()))
                    .append(".\n");
            case "rollback_needed" -> out.append("ROLLBACK NEEDED for ").append(version).append(": ")
                    .append(r.trigger().lines().findFirst().orElse("")).append("\nNot rolled back (--no-auto-rollback);"
                            + " run `rewind rollback ").append(r.environment()).append("`.\n");
            default -> {
                out.append("Deploy ").append(r.runId()).append(" of ").append(version).append(" FAILED: ")
                        .append(r.trigger()).append('\n');
                if (r.rollback() != null) {
                    out.append("Its rollback ").append(r.rollback().runId()).append(" failed too: ")
                            .append(r.rollback().error()).append("\nResume it with: ").append(r.rollback().resumeCommand()).append('\n');
                } else if (r.resumeCommand() != null) {
                    out.append("Nothing was changed. Resume with: ").append(r.resumeCommand()).append('\n');
                }
            }
        }
        if (r.standby() != null) {
            out.append(r.standby().failure() == null
                    ? "✓ standby of " + r.standby().setId() + " ready: a rollback to it only re-checks, stops, swaps and starts\n"
                    : "· standby of " + r.standby().setId() + " not ready: " + r.standby().failure() + "\n");
        }
        return out.toString();
    }
}

package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.config.Durations;
import dev.rewind.core.deploy.DrillResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind drill ENV}: a rollback drill, measured against the environment's recovery time objective. */
@Command(name = "drill", description = "Rollback drill: redeploy the live version as a drill release, roll it back,"
        + " verify, and compare the recovery time with the environment's rto. Refuses production without --i-know.")
final class DrillCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "a non-production environment")
    String environment;

    @Option(names = "--i-know", description = "drill production anyway")
    boolean iKnow;

    @Override
    int execute(Rewind rewind) {
        DrillResult result;
        try (StepPrinter printer = new StepPrinter(context(), options.json)) {
            result = rewind.drill(environment, iKnow, printer, context().user());
        }
        writeReport(rewind, result.rollback() == null ? null : result.rollback().runId());
        print(result, DrillCommand::text);
        return result.succeeded() ? 0 : 1;
    }

    private static String text(DrillResult r) {
        if (r.rollback() == null) {
            return "Drill of " + r.environment() + " stopped: the drill deploy " + DeployCommand.outcome(r.deploy());
        }
        StringBuilder out = new StringBuilder("Drill of ").append(r.environment()).append(": redeployed ")
                .append(r.version()).append(" and rolled it back, ").append(r.rollback().status()).append(".\n");
        out.append("RTO: recovered in ").append(Text.seconds(r.recovery()));
        if (r.rto() == null) {
            out.append("; no target set (add `rto:` to the environment)");
        } else {
            out.append(" against a target of ").append(Durations.format(r.rto())).append(r.rtoMet() ? " ✓ met" : " ✗ missed");
        }
        out.append('\n');
        if (r.rollback().downtime() != null) {
            out.append("Downtime: ").append(Text.seconds(r.rollback().downtime())).append('\n');
        }
        return out.toString();
    }
}

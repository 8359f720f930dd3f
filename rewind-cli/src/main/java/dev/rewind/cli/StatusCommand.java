package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.StatusResult;
import dev.rewind.core.store.Hold;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rewind status [ENV]}: live release, last decision, runs in flight, holds. */
@Command(name = "status", description = "Live release, last decision, runs in flight and holds of each environment.")
final class StatusCommand extends ProjectCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV", description = "one environment (default: all)")
    String environment;

    @Override
    int execute(Rewind rewind) {
        print(rewind.status(environment), StatusCommand::text);
        return 0;
    }

    private static String text(StatusResult result) {
        StringBuilder out = new StringBuilder("project " + result.project() + "\n");
        for (StatusResult.EnvironmentStatus env : result.environments()) {
            out.append('\n').append(env.environment()).append('\n');
            out.append("  live      ").append(live(env.live())).append('\n');
            out.append("  releases  ").append(env.releaseCount()).append(" recorded\n");
            out.append("  decision  ").append(env.lastDecision() == null ? "none yet"
                    : env.lastDecision().action() + " at " + Text.time(env.lastDecision().at())).append('\n');
            out.append("  runs      ").append(env.runsInFlight().isEmpty() ? "none in flight" : "").append('\n');
            for (Run run : env.runsInFlight()) {
                out.append("    ").append(run.id()).append("  ").append(run.kind()).append(" started ")
                        .append(Text.time(run.startedAt())).append(" by ").append(run.actor()).append('\n');
            }
            out.append("  holds     ").append(env.activeHolds().isEmpty() ? "none" : "").append('\n');
            for (Hold hold : env.activeHolds()) {
                out.append("    ").append(hold.id()).append("  until ").append(Text.time(hold.expiresAt()))
                        .append(" by ").append(hold.createdBy()).append(": ").append(hold.reason()).append('\n');
            }
        }
        return out.toString().replace("  \n", "\n").replaceAll(" +\n", "\n");
    }

    private static String live(Release live) {
        return live == null ? "none recorded"
                : live.version() + " (" + live.id() + ") deployed " + Text.time(live.deployedAt()) + " by " + live.deployedBy();
    }
}

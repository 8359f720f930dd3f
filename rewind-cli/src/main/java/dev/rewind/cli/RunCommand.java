package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.RunResult;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rewind run RUN}: one run's journal and audit trail. */
@Command(name = "run", description = "One run's journal: every step with its status, times and error; and who did what.")
final class RunCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "the run's id (see `rewind runs ENV`)")
    String runId;

    @Override
    int execute(Rewind rewind) {
        print(rewind.run(runId), RunCommand::text);
        return 0;
    }

    private static String text(RunResult result) {
        Run r = result.run();
        StringBuilder out = new StringBuilder();
        out.append(r.kind()).append(' ').append(r.id()).append(" of ").append(r.environment()).append(": ")
                .append(r.status()).append(", started ").append(Text.time(r.startedAt())).append(" by ").append(r.actor());
        if (r.finishedAt() != null) {
            out.append(", finished ").append(Text.time(r.finishedAt()));
        }
        out.append('\n');
        for (RunStep step : result.steps()) {
            out.append("  ").append(StepPrinter.line(step)).append('\n');
            if (step.error() != null) {
                out.append(step.error().indent(6));
            }
        }
        if (!result.events().isEmpty()) {
            out.append("Audit trail:\n");
            for (Event e : result.events()) {
                out.append("  ").append(Text.time(e.at())).append("  ").append(e.action()).append("  by ")
                        .append(e.actor()).append('\n');
            }
        }
        return out.toString();
    }
}

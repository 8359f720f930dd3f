package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.config.Durations;
import dev.rewind.core.deploy.WatchResult;
import dev.rewind.core.policy.PolicyDecision;
import dev.rewind.core.policy.Verdict;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind watch ENV}: watch the live release and roll back per policy. */
@Command(name = "watch", description = "Watch the live release under the policy and roll back on ROLLBACK (holds turn it"
        + " into MONITOR); continues an interrupted deploy instead. Exit 3 when it rolled back.")
final class WatchCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "30m", description = "how long (default: ${DEFAULT-VALUE})")
    Duration length;

    private Verdict last;

    @Override
    int execute(Rewind rewind) {
        if (!options.json) {
            context().err().println("watching " + environment + " for " + Durations.format(length) + "…");
        }
        WatchResult result;
        try (StepPrinter printer = new StepPrinter(context(), options.json)) {
            result = rewind.watch(environment, length, this::progress, printer, context().user());
        }
        if (result.rollback() != null) {
            writeReport(rewind, result.rollback().runId());
        } else if (result.deploy() != null && result.deploy().rollback() != null) {
            writeReport(rewind, result.deploy().runId());
        }
        print(result, WatchCommand::text);
        return result.exitCode();
    }

    /** One line each time the verdict changes. */
    private void progress(PolicyDecision decision) {
        if (!options.json && decision.verdict() != last) {
            last = decision.verdict();
            context().err().println("  " + decision.verdict() + ": " + decision.reason());
            context().err().flush();
        }
    }

    private static String text(WatchResult r) {
        if (r.deploy() != null) {
            return DeployCommand.outcome(r.deploy());
        }
        String line = "watched " + r.release().version() + " in " + r.environment() + " for " + Text.seconds(r.duration())
                + " (" + Text.plural(r.decisions(), "decision", "decisions") + "): " + r.decision().verdict() + "  "
                + r.decision().reason() + "\n";
        if (r.rollback() != null) {
            line += "rolled back by " + r.rollback().runId() + ": " + r.rollback().status() + "\n";
        }
        return line;
    }
}

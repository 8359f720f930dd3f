package dev.rewind.cli;

import dev.rewind.core.Rewind;
import dev.rewind.core.config.Durations;
import dev.rewind.core.signal.ReportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind report-issue ENV --by NAME [--note TEXT]}: counts a user report (seed 001: 3+ unique → evaluate). */
@Command(name = "report-issue",
        description = "Record a user's report of a problem; 3 or more unique reporters make the policy evaluate.")
final class ReportIssueCommand extends ProjectCommand {

    @Parameters(index = "0", paramLabel = "ENV", description = "the environment")
    String environment;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "who reported it")
    String by;

    @Option(names = "--note", paramLabel = "TEXT", description = "what they saw")
    String note;

    @Override
    int execute(Rewind rewind) {
        print(rewind.reportIssue(environment, by, note, context().user()), ReportIssueCommand::text);
        return 0;
    }

    private static String text(ReportResult r) {
        return "✓ report " + r.id() + " by " + r.reporter() + " recorded for " + r.environment() + "\n"
                + "  last " + Durations.format(r.window()) + ": "
                + Text.plural((int) r.count().unique(), "unique reporter", "unique reporters")
                + " (" + String.join(", ", r.count().reporters()) + "), "
                + Text.plural((int) r.count().total(), "report", "reports") + "\n";
    }
}

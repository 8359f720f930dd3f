package dev.rewind.cli;

import dev.rewind.core.Json;
import dev.rewind.core.Rewind;
import dev.rewind.core.report.IncidentReport;
import dev.rewind.core.report.Reports;
import dev.rewind.core.report.Written;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rewind report RUN [--format md|json]}: a rollback's incident report, written to .rewind/reports/, printed. */
@Command(name = "report", description = "The incident report of a rollback (or of a deploy that rolled back): timeline,"
        + " trigger, downtime, RTO, data-loss window, verification, checklist. Written to .rewind/reports/RUN.md and"
        + " .json, and printed.")
final class ReportCommand extends ProjectCommand {

    /** The form printed on stdout. */
    enum Format { MD, JSON }

    @Parameters(index = "0", paramLabel = "RUN",
            description = "the rollback or deploy run's id (see `rewind runs ENV`)")
    String runId;

    @Option(names = "--format", paramLabel = "md|json", defaultValue = "md",
            description = "what to print: md (default) or json; --json prints json too")
    Format format;

    @Override
    int execute(Rewind rewind) {
        Reports reports = new Reports(rewind.store(), rewind.config(), rewind.projectDir());
        IncidentReport report = reports.build(runId);
        Written written = reports.write(report);
        boolean json = options.json || format == Format.JSON;
        context().out().print(json ? Json.write(report) + "\n" : Reports.markdown(report, rewind.projectDir()));
        context().out().flush();
        context().err().println("report written to " + written.markdown() + " and " + written.json());
        return 0;
    }
}

package dev.rewind.bench;

import static dev.rewind.bench.Markdown.escape;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference scenario's results as Markdown: per strategy, Rewind beside the runbook way with their ratio and the
 * physical floor, then each way's rollback step by step, and the sizes.
 */
final class ReferenceReport {

    private final StringBuilder out = new StringBuilder();

    String markdown(String command, List<ReferenceRun.Outcome> outcomes) {
        out.append(Markdown.heading(command, outcomes.getFirst().machine()));
        outcomes.forEach(this::strategy);
        return out.toString();
    }

    private void strategy(ReferenceRun.Outcome o) {
        List<Recovery> rewind = o.rewind();
        List<Recovery> runbook = o.runbook();
        ReferenceRun.Backups backups = o.backups();
        line("Strategy `" + o.strategy() + "`: " + (rewind.size() == 1 ? "one bad release each way"
                : "median of " + rewind.size() + " bad releases each way (min – max)") + "; ratio is Rewind ÷ runbook."
                + " The bad release's /health fails " + Timed.format(ReferenceRun.FAILS_AFTER) + " after it starts;"
                + " both ways check it every " + Timed.format(ReferenceRun.CHECK_INTERVAL) + ".");
        line("");
        line("| | Rewind | runbook way | ratio | floor |");
        line("|---|---|---|---|---|");
        row("backup of the database and the files (Rewind: `rewind backup`; runbook: `backup.sh`, `pg_dump | gzip`"
                + " and `tar czf`), process start → exit", List.of(backups.rewind().whole()), List.of(backups.runbook()),
                Timed.format(backups.floor().backup()) + " (`cp -a` of `base/<oid>` and the uploads)");
        row("detection: /health failing → decision (Rewind: `rewind watch`, " + triggers(rewind) + "; runbook:"
                + " `monitor.sh`, " + triggers(runbook) + ")", rewind, runbook, Recovery::detection, "");
        row("whole rollback: decision → verified", rewind, runbook, Recovery::rollback,
                Timed.format(backups.floor().restore()) + " (`cp -a` of those copies: the data written back)");
        row("downtime: first component stopped → healthy again (each way's own clock)", rewind, runbook,
                Recovery::downtime, "");
        row("/health failing → 200 again, seen from outside: what users saw (detection, then the rollback up to"
                + " healthy)", rewind, runbook, Recovery::outage, "");
        line("| data written by the bad release after the backup, still there after the rollback | "
                + preserved(rewind) + " | " + preserved(runbook) + " | | |");
        line("");
        line("| way | rollback step | " + (rewind.size() == 1 ? "time" : "median (min – max)") + " |");
        line("|---|---|---|");
        steps("Rewind", rewind);
        steps("runbook", runbook);
        line("");
        line("| size | |");
        line("|---|---|");
        o.sizes().forEach((what, value) -> line("| " + escape(what) + " | " + escape(value) + " |"));
        line("");
    }

    private void row(String what, List<Recovery> rewind, List<Recovery> runbook, Function<Recovery, Duration> time,
                     String floor) {
        row(what, rewind.stream().map(time).toList(), runbook.stream().map(time).toList(), floor);
    }

    private void row(String what, List<Duration> rewind, List<Duration> runbook, String floor) {
        line("| " + escape(what) + " | " + Medians.range(rewind) + " | " + Medians.range(runbook) + " | "
                + Ratio.format(Medians.of(rewind), Medians.of(runbook)) + " | " + escape(floor) + " |");
    }

    /** Each step's median over the repetitions, in the order of the steps. */
    private void steps(String way, List<Recovery> runs) {
        Measured.Part.byName(runs.stream().map(Recovery::steps).toList())
                .forEach((name, times) -> line("| " + way + " | " + escape(name) + " | " + Medians.range(times) + " |"));
    }

    private static String triggers(List<Recovery> runs) {
        return runs.stream().map(Recovery::trigger).distinct().collect(Collectors.joining(" or "));
    }

    private static String preserved(List<Recovery> runs) {
        return escape(runs.stream().map(Recovery::preserved).reduce(Preserved::plus).orElseThrow().describe());
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}

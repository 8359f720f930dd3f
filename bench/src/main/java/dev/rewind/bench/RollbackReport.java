package dev.rewind.bench;

import static dev.rewind.bench.Markdown.escape;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The rollback benchmark's results as Markdown: per strategy, the comparison with the targets (on the medians of the
 * repetitions) and where each way's time goes.
 */
final class RollbackReport {

    static final Duration DOWNTIME_LIMIT = Duration.ofSeconds(5);

    private final StringBuilder out = new StringBuilder();

    String markdown(String command, List<RollbackRun.Outcome> outcomes) {
        out.append(Markdown.heading(command, outcomes.getFirst().machine()));
        outcomes.forEach(this::strategy);
        return out.toString();
    }

    private static Target target(String strategy, Duration rewind, Duration runbook) {
        return RewindWay.CLONE.equals(strategy)
                ? Target.relative("whole rollback with clone ≤ 1/3 of the runbook's", "≤ 1/3 runbook", rewind, runbook,
                        1 / 3.0)
                : Target.relative("whole rollback with dump ≤ the runbook's", "≤ runbook", rewind, runbook, 1);
    }

    private void strategy(RollbackRun.Outcome o) {
        List<Measured> runbook = o.runbook();
        List<Measured> rewind = o.rewind();
        Duration runbookWhole = median(runbook, Measured::whole);
        Duration rewindWhole = median(rewind, Measured::whole);
        Target whole = target(o.strategy(), rewindWhole, runbookWhole);
        line("Strategy `" + o.strategy() + "`: " + (rewind.size() == 1 ? "one rollback each way"
                : "median of " + rewind.size() + " rollbacks each way (min – max)") + "; ratio is rewind ÷ runbook.");
        line("");
        line("| | runbook | rewind | ratio | target |");
        line("|---|---|---|---|---|");
        row("whole rollback, decision → verified (rewind: `rewind rollback` process start → exit; runbook: stop →"
                + " /health 200, down throughout)", runbook, rewind, Measured::whole, whole.cell());
        row("the same, up to verified (rewind: process start → its `verify` step finished, without the recording,"
                + " announcing, incident report and exit after it)", runbook, rewind, Measured::untilVerified,
                target(o.strategy(), median(rewind, Measured::untilVerified), runbookWhole).cell());
        Duration downtime = median(rewind, Measured::downtime);
        row("downtime, own clock (rewind: the journal, first `stop` step started → last `start` step finished;"
                + " runbook: stop → /health 200)", runbook, rewind, Measured::downtime,
                Target.below("downtime ≤ 5 s", downtime, DOWNTIME_LIMIT).cell());
        Duration seen = median(rewind, m -> m.seen().longestGap());
        row("downtime seen from outside (longest gap between two 200s of /health, polled every "
                + HealthPoller.INTERVAL.toMillis() + " ms)", runbook, rewind, m -> m.seen().longestGap(),
                Target.below("downtime seen from outside ≤ 5 s", seen, DOWNTIME_LIMIT).cell());
        line("| the run's own `duration` / `downtime` (rewind's JSON) | | " + range(rewind, Measured::runDuration)
                + " / " + range(rewind, Measured::reportedDowntime) + " | | |");
        line("");
        line("| way | step | median | min – max |");
        line("|---|---|---|---|");
        parts("runbook", runbook);
        parts("rewind", rewind);
        line("");
        line("| size | |");
        line("|---|---|");
        o.sizes().forEach((what, value) -> line("| " + escape(what) + " | " + escape(value) + " |"));
        line("");
    }

    private void row(String what, List<Measured> runbook, List<Measured> rewind, Function<Measured, Duration> time,
                     String target) {
        line("| " + escape(what) + " | " + range(runbook, time) + " | " + range(rewind, time) + " | "
                + Ratio.format(median(rewind, time), median(runbook, time)) + " | " + escape(target) + " |");
    }

    /** Each step's median over the repetitions, in the order of the steps. */
    private void parts(String way, List<Measured> runs) {
        Measured.partsByName(runs).forEach((name, times) -> line("| " + way + " | " + escape(name) + " | "
                + Timed.format(Medians.of(times)) + " | " + Medians.minMax(times) + " |"));
    }

    /** {@code 25.7 s (25.1 – 27.2 s)}, or the one value of a single run. */
    private static String range(List<Measured> runs, Function<Measured, Duration> time) {
        return Medians.range(runs.stream().map(time).toList());
    }

    private static Duration median(List<Measured> runs, Function<Measured, Duration> time) {
        return Medians.of(runs.stream().map(time).toList());
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}

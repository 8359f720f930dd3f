package dev.rewind.bench;

import java.time.Duration;
import java.util.List;

/** The rollback benchmark's results as Markdown: per strategy, the comparison with the targets and the steps' times. */
final class RollbackReport {

    static final Duration DOWNTIME_LIMIT = Duration.ofSeconds(5);

    private final StringBuilder out = new StringBuilder();

    String markdown(String command, List<RollbackRun.Outcome> outcomes) {
        line("#### `" + command + "`");
        line("");
        line(outcomes.getFirst().machine().summary());
        line("");
        for (RollbackRun.Outcome outcome : outcomes) {
            strategy(outcome);
        }
        return out.toString();
    }

    private void strategy(RollbackRun.Outcome o) {
        Measured runbook = o.runbook();
        Measured rewind = o.rewind();
        boolean clone = RewindWay.CLONE.equals(o.strategy());
        Target whole = clone
                ? Target.relative("whole rollback with clone ≤ 1/3 of the runbook", "≤ 1/3 runbook", rewind.whole(),
                        runbook.whole(), 1 / 3.0)
                : Target.relative("whole rollback with dump ≤ the runbook", "≤ runbook", rewind.whole(),
                        runbook.whole(), 1);
        line("Strategy `" + o.strategy() + "` (one run each; ratio is rewind ÷ runbook):");
        line("");
        line("| | runbook | rewind | ratio | target |");
        line("|---|---|---|---|---|");
        row("whole rollback, decision → verified (rewind: `rewind rollback` process start → exit; runbook: stop →"
                + " /health 200, down throughout)", runbook.whole(), rewind.whole(), whole.cell());
        row("downtime, own clock (rewind: the journal, first `stop` step started → last `start` step finished;"
                + " runbook: stop → /health 200)", runbook.downtime(), rewind.downtime(),
                Target.below("", rewind.downtime(), DOWNTIME_LIMIT).cell());
        row("downtime seen from outside (longest gap between two 200s of /health, polled every "
                + HealthPoller.INTERVAL.toMillis() + " ms)", runbook.seen().longestGap(), rewind.seen().longestGap(),
                Target.below("", rewind.seen().longestGap(), DOWNTIME_LIMIT).cell());
        line("| the run's own `duration` / `downtime` (rewind's JSON) | | " + Timed.format(rewind.runDuration())
                + " / " + Timed.format(rewind.reportedDowntime()) + " | | |");
        line("");
        line("| way | step | time |");
        line("|---|---|---|");
        runbook.parts().forEach(p -> line("| runbook | " + escape(p.name()) + " | " + Timed.format(p.time()) + " |"));
        rewind.parts().forEach(p -> line("| rewind | " + escape(p.name()) + " | " + Timed.format(p.time()) + " |"));
        line("");
        line("| size | |");
        line("|---|---|");
        o.sizes().forEach((what, value) -> line("| " + escape(what) + " | " + escape(value) + " |"));
        line("");
    }

    private void row(String what, Duration runbook, Duration rewind, String target) {
        line("| " + escape(what) + " | " + Timed.format(runbook) + " | " + Timed.format(rewind) + " | "
                + Ratio.format(rewind, runbook) + " | " + escape(target) + " |");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}

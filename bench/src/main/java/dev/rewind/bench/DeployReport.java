package dev.rewind.bench;

import static dev.rewind.bench.Markdown.escape;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The deploy benchmark's results as Markdown: per strategy, the deploy (by the CLI, through {@code rewind serve}, or
 * both) beside the plain stop/activate/start and the backup alone, each deploy's overhead against its target, and where
 * its time goes (its journal, each step beside the same work measured alone).
 */
final class DeployReport {

    static final Duration OVERHEAD_LIMIT = Duration.ofSeconds(2);

    private static final String CLI = "`rewind deploy`";
    private static final String SERVE = "the deploy through `rewind serve`";

    private final StringBuilder out = new StringBuilder();

    String markdown(String command, List<DeployRun.Outcome> outcomes) {
        out.append(Markdown.heading(command, outcomes.getFirst().machine()));
        outcomes.forEach(this::strategy);
        return out.toString();
    }

    private void strategy(DeployRun.Outcome o) {
        List<DeployRun.Repetition> runs = o.repetitions();
        boolean clone = RewindWay.CLONE.equals(o.strategy());
        boolean cli = runs.getFirst().cli() != null;
        boolean serve = runs.getFirst().serve() != null;
        line("Strategy `" + o.strategy() + "`: " + (runs.size() == 1 ? "one repetition"
                : "median of " + runs.size() + " repetitions (min – max)") + "; each repetition: the plain deploy"
                + " v1 → v2, the backup alone" + (cli ? ", the same backup by `rewind backup` (a diagnostic),"
                + " `rewind deploy` v2 → v1" : "") + (serve ? (cli ? ", v2 again by hand (untimed)" : "")
                + ", the deploy v2 → v1 through `rewind serve`" : "") + ".");
        line("");
        line("| | time | target |");
        line("|---|---|---|");
        row("plain: stop, activate the other version, start, poll /health until 200 with it (in-process)", runs,
                r -> r.plain().whole(), "");
        row("backup: `Rewind.backup(...)` alone" + (clone ? " (app stopped, as the deploy backs up a clone)"
                : " (app serving)"), runs, DeployRun.Repetition::backup, "");
        row("plain + backup", runs, r -> r.plain().whole().plus(r.backup()), "");
        if (cli) {
            row("`rewind deploy production VERSION --watch 0s --json`: process start → exit", runs,
                    r -> r.cli().measured().whole(), "");
            overhead("**overhead** = rewind − (plain + backup), per repetition", runs, DeployRun.Repetition::cli);
            row("diagnostic: overhead when the backup's time is the set's by `rewind backup` in a fresh JVM (below),"
                    + " rewind − (plain + that set), per repetition", runs, DeployRun.Repetition::overheadOverCliSet, "");
        }
        if (serve) {
            row("`POST /api/environments/production/deploy` `{\"version\": VERSION, \"watch\": \"0s\"}` to a running"
                    + " `rewind serve` (warmed up by 2 deploys): just before the POST → the client sees the run"
                    + " finished (`GET /api/runs/{id}` every " + RewindServe.POLL.toMillis() + " ms)", runs,
                    r -> r.serve().measured().whole(), "");
            overhead("**overhead, through `rewind serve`** = serve − (plain + backup), per repetition", runs,
                    DeployRun.Repetition::serve);
        }
        row("downtime, plain (stop → /health 200)", runs, r -> r.plain().downtime(), "");
        if (cli) {
            row("downtime, rewind deploy (journal: first `stop` step started → last `start` step finished)", runs,
                    r -> r.cli().measured().downtime(), "");
        }
        if (serve) {
            row("downtime, through `rewind serve` (journal: first `stop` step started → last `start` step finished)",
                    runs, r -> r.serve().measured().downtime(), "");
        }
        if (cli) {
            row("the deploy's own `duration` (its JSON)", runs, r -> r.cli().measured().runDuration(), "");
        }
        if (serve) {
            row("through `rewind serve`, the run's own time (its `started_at` → `finished_at`)", runs,
                    r -> r.serve().measured().runDuration(), "");
        }
        line("");
        if (cli) {
            journal(CLI, runs, DeployRun.Repetition::cli, clone);
        }
        if (serve) {
            journal(SERVE, runs, DeployRun.Repetition::serve, clone);
        }
        line("| size | |");
        line("|---|---|");
        o.sizes().forEach((what, value) -> line("| " + escape(what) + " | " + escape(value) + " |"));
        line("");
    }

    private void overhead(String what, List<DeployRun.Repetition> runs,
                          Function<DeployRun.Repetition, RewindDeploy.Result> deploy) {
        Function<DeployRun.Repetition, Duration> overhead = r -> r.overhead(deploy.apply(r));
        row(what, runs, overhead, "overhead ≤ " + Timed.format(OVERHEAD_LIMIT) + ": " + verdict(median(runs, overhead)));
    }

    /** The deploy's journal, each part beside the same work measured alone, and what it adds. */
    private void journal(String way, List<DeployRun.Repetition> runs,
                         Function<DeployRun.Repetition, RewindDeploy.Result> deploy, boolean clone) {
        Map<String, List<Duration>> plain = Measured.partsByName(runs.stream().map(DeployRun.Repetition::plain)
                .toList());
        List<Duration> alone = runs.stream().map(DeployRun.Repetition::backup).toList();
        line("Where the time of " + way + " goes: its journal, each part beside the same work measured alone (the"
                + " plain deploy's parts, the backup alone); \"adds\" is the difference of the medians, and the medians"
                + " of the parts need not add up to the median of the whole.");
        line("");
        line("| part of " + way + " | median | min – max | the same work alone | adds |");
        line("|---|---|---|---|---|");
        Measured.partsByName(runs.stream().map(r -> deploy.apply(r).measured()).toList()).forEach((name, times) -> {
            boolean backup = RewindDeploy.BACKUP_STEP.equals(name);
            List<Duration> counterpart = backup ? alone : plain.get(name);
            Duration adds = Medians.of(times).minus(counterpart == null ? Duration.ZERO : Medians.of(counterpart));
            part(label(name, clone), times, counterpart, signed(adds));
            if (backup) {
                List<Duration> sets = runs.stream().map(r -> deploy.apply(r).backupSet()).toList();
                part("of which the backup set (the step's own `took`)", sets, alone,
                        "(" + signed(Medians.of(sets).minus(Medians.of(alone))) + ", within the step above)");
            }
            if (backup && way.equals(CLI)) {
                List<Duration> cli = runs.stream().map(DeployRun.Repetition::cliSet).toList();
                part("diagnostic, not part of the deploy: the same set by `rewind backup production --json` (a fresh"
                        + " JVM like the deploy's, no baseline meanwhile; the set's own `duration`)", cli, alone,
                        "(" + signed(Medians.of(cli).minus(Medians.of(alone))) + ")");
            }
        });
        line("| **whole** | " + Timed.format(median(runs, r -> deploy.apply(r).measured().whole())) + " | "
                + Medians.minMax(runs.stream().map(r -> deploy.apply(r).measured().whole()).toList()) + " | "
                + Timed.format(median(runs, r -> r.plain().whole().plus(r.backup()))) + " (plain + backup) | "
                + signed(median(runs, r -> r.overhead(deploy.apply(r)))) + " (median overhead) |");
        line("");
    }

    /** One row of the journal table; {@code alone} is null when the plain deploy has no such part. */
    private void part(String what, List<Duration> times, List<Duration> alone, String adds) {
        line("| " + escape(what) + " | " + Timed.format(Medians.of(times)) + " | " + Medians.minMax(times) + " | "
                + (alone == null ? "—" : Timed.format(Medians.of(alone))) + " | " + adds + " |");
    }

    /** The journal's step names, with what the deploy does in them where the name does not say it. */
    private static String label(String step, boolean clone) {
        return switch (step) {
            case RewindDeploy.BACKUP_STEP -> clone ? "backup (after the stop: the set alone)"
                    : "backup (the set; with `--watch 0s`, no baseline of the live release is measured meanwhile)";
            case "baseline" -> "baseline (the live release measured for 2 s, on its own before the stop)";
            case "start " + RollbackProject.COMPONENT -> "start " + RollbackProject.COMPONENT
                    + " (and wait for its probes)";
            default -> step;
        };
    }

    private static String verdict(Duration overhead) {
        return overhead.compareTo(OVERHEAD_LIMIT) <= 0 ? "✓ met"
                : "✗ missed, by " + Timed.format(overhead.minus(OVERHEAD_LIMIT));
    }

    private void row(String what, List<DeployRun.Repetition> runs, Function<DeployRun.Repetition, Duration> time,
                     String target) {
        line("| " + escape(what) + " | " + Medians.range(runs.stream().map(time).toList()) + " | " + escape(target)
                + " |");
    }

    private static Duration median(List<DeployRun.Repetition> runs, Function<DeployRun.Repetition, Duration> time) {
        return Medians.of(runs.stream().map(time).toList());
    }

    /** {@code +1.2 s}, {@code −80 ms}. */
    private static String signed(Duration duration) {
        return (duration.isNegative() ? "−" : "+") + Timed.format(duration.abs());
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}

package dev.rewind.bench;

/**
 * The reference scenario: Rewind beside the runbook way of seed 004 as shell scripts (bench/runbook/), on the same
 * shop and the same bad release: backup, detection, the whole rollback, downtime, and the data the bad release wrote
 * after the backup. Per backup strategy on a scenario of its own; prints the results as Markdown on stdout (progress
 * on stderr). Fails (exit 1) unless both ways leave v1 serving on the backup's data. Run it with {@code bench/run.sh};
 * see BENCHMARKS.md.
 */
public final class ReferenceBench {

    static final String SCRIPT = "run.sh";

    private ReferenceBench() {}

    public static void main(String[] args) {
        System.exit(StrategyBench.run(SCRIPT, new RollbackArgs.Defaults("dump", 1), args,
                (bench, strategy, workspace) -> new ReferenceRun(bench, strategy,
                        StrategyBench.path("rewind.bench.runbook", SCRIPT)).run(workspace),
                (command, outcomes) -> new ReferenceReport().markdown(command, outcomes)));
    }
}

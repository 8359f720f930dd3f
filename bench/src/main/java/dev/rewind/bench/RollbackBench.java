package dev.rewind.bench;

/**
 * Benchmarks a whole rollback, {@code rewind rollback} beside the runbook way (seed 004), per backup strategy on a
 * scenario of its own, and prints the results as Markdown on stdout (progress on stderr). Fails (exit 1) unless both
 * ways leave v1 serving on the backup's data. Run it with {@code bench/rollback.sh}; see BENCHMARKS.md.
 */
public final class RollbackBench {

    private RollbackBench() {}

    public static void main(String[] args) {
        System.exit(StrategyBench.run("rollback.sh", RollbackArgs.Defaults.BOTH_THREE_TIMES, args,
                (bench, strategy, workspace) -> new RollbackRun(bench, strategy).run(workspace),
                (command, outcomes) -> new RollbackReport().markdown(command, outcomes)));
    }
}

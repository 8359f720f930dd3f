package dev.rewind.bench;

/**
 * Benchmarks a deploy of a healthy release, by {@code rewind deploy} and through a running {@code rewind serve}
 * ({@code --via}), beside what it does anyway, the plain stop/activate/start and the backup alone, per backup strategy
 * on a scenario of its own, and prints the results as Markdown on stdout (progress on stderr). Fails (exit 1) unless every deploy ends {@code live} with the new version serving. Run it
 * with {@code bench/deploy.sh}; see BENCHMARKS.md.
 */
public final class DeployBench {

    private DeployBench() {}

    public static void main(String[] args) {
        System.exit(StrategyBench.run("deploy.sh", RollbackArgs.Defaults.DEPLOY, args,
                (bench, strategy, workspace) -> new DeployRun(bench, strategy).run(workspace),
                (command, outcomes) -> new DeployReport().markdown(command, outcomes)));
    }
}

package dev.rewind.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the mains of {@code bench/rollback.sh} and {@code bench/deploy.sh} share: their options, one scenario per
 * strategy in a workspace of its own (everything it made stopped and removed, also on failure), and the report as
 * Markdown on stdout (progress on stderr). Exit 2 on bad options, 1 when a scenario fails.
 */
final class StrategyBench {

    /** One strategy's scenario, run in {@code workspace}; fails (throws) unless every check passed. */
    interface Scenario<O> {
        O run(RollbackArgs args, String strategy, Workspace workspace);
    }

    /** The report of every strategy's outcome, headed by the command that made it. */
    interface Report<O> {
        String markdown(String command, List<O> outcomes);
    }

    private StrategyBench() {}

    /** Runs {@code bench/SCRIPT ARGS}; returns the exit code. */
    static <O> int run(String script, RollbackArgs.Defaults defaults, String[] args, Scenario<O> scenario,
                       Report<O> report) {
        RollbackArgs bench;
        try {
            bench = RollbackArgs.parse(path("rewind.bench.cli", script), path("rewind.bench.app", script), defaults,
                    args);
        } catch (IllegalArgumentException e) {
            System.err.println(script + ": " + e.getMessage());
            System.err.print(RollbackArgs.usage(script, defaults));
            return 2;
        }
        List<O> outcomes = new ArrayList<>();
        for (String strategy : bench.strategies()) {
            try (Workspace workspace = Workspace.create(bench.workRoot())) {
                outcomes.add(scenario.run(bench, strategy, workspace));
            } catch (RuntimeException e) {
                System.err.println(script + ": the benchmark FAILED (strategy " + strategy + "); everything it made"
                        + " was stopped and removed.");
                e.printStackTrace(System.err);
                return 1;
            }
        }
        System.out.print(report.markdown(("bench/" + script + " " + String.join(" ", args)).strip(), outcomes));
        return 0;
    }

    /** The path the launcher, {@code bench/SCRIPT}, passed as {@code -Dproperty}; fails when it is not set. */
    static Path path(String property, String script) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalArgumentException("-D" + property + " is not set: run bench/" + script);
        }
        return Path.of(value);
    }
}

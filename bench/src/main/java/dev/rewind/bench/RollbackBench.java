package dev.rewind.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmarks a whole rollback, {@code rewind rollback} beside the runbook way (seed 004), per backup strategy on a
 * scenario of its own, and prints the results as Markdown on stdout (progress on stderr). Fails (exit 1) unless both
 * ways leave v1 serving on the backup's data. Run it with {@code bench/rollback.sh}; see BENCHMARKS.md.
 */
public final class RollbackBench {

    private RollbackBench() {}

    public static void main(String[] args) {
        RollbackArgs bench;
        try {
            bench = RollbackArgs.parse(jar("rewind.bench.cli"), jar("rewind.bench.app"), args);
        } catch (IllegalArgumentException e) {
            System.err.println("rollback.sh: " + e.getMessage());
            System.err.print(RollbackArgs.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(bench, String.join(" ", args)));
    }

    private static int run(RollbackArgs bench, String arguments) {
        List<RollbackRun.Outcome> outcomes = new ArrayList<>();
        for (String strategy : bench.strategies()) {
            try (Workspace workspace = Workspace.create(bench.workRoot())) {
                outcomes.add(new RollbackRun(bench, strategy).run(workspace));
            } catch (RuntimeException e) {
                System.err.println("rollback.sh: the benchmark FAILED (strategy " + strategy + "); everything it made"
                        + " was stopped and removed.");
                e.printStackTrace(System.err);
                return 1;
            }
        }
        String command = ("bench/rollback.sh " + arguments).strip();
        System.out.print(new RollbackReport().markdown(command, outcomes));
        return 0;
    }

    private static Path jar(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalArgumentException("-D" + property + " is not set: run bench/rollback.sh");
        }
        return Path.of(value);
    }
}

package dev.rewind.bench;

/**
 * Benchmarks Rewind's backup and restore engine beside the runbook way, on a real PostgreSQL 15 and a real uploads
 * directory, and prints the results as Markdown on stdout (progress goes to stderr). Run it with
 * {@code bench/backup.sh}; see BENCHMARKS.md.
 */
public final class BackupBench {

    private BackupBench() {}

    public static void main(String[] args) {
        BenchArgs bench;
        try {
            bench = BenchArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("backup.sh: " + e.getMessage());
            System.err.print(BenchArgs.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(bench, String.join(" ", args)));
    }

    private static int run(BenchArgs bench, String arguments) {
        try (Workspace workspace = Workspace.create(bench.workRoot())) {
            Scenario scenario = new Scenario(workspace, bench);
            Results results = scenario.run();
            String command = ("bench/backup.sh " + arguments).strip();
            System.out.print(new Report(results, scenario.machine(), command).markdown());
            return 0;
        } catch (RuntimeException e) {
            System.err.println("backup.sh: the benchmark failed; everything it made was removed.");
            e.printStackTrace(System.err);
            return 1;
        }
    }
}

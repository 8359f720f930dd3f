package dev.rewind.cli;

import dev.rewind.cli.demo.Demo;
import dev.rewind.cli.demo.DemoResult;
import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rewind demo [--dir D] [--keep] [--stop]}: the whole story on an embedded PostgreSQL. */
@Command(name = "demo", description = "The whole story on an embedded PostgreSQL 15: deploy the sample shop v1,"
        + " write orders, deploy a bad v2, detect it, roll back automatically, verify, report."
        + " Exit 0 when v1 serves again.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @ParentCommand
    RewindCommand root;

    @Option(names = "--dir", paramLabel = "DIR", description = "write the demo project here (default: a new temporary directory)")
    Path dir;

    @Option(names = "--keep", description = "leave PostgreSQL and the shop running, to explore with rewind status, check, rollback, serve…")
    boolean keep;

    @Option(names = "--stop", description = "stop what `rewind demo --keep --dir DIR` left running")
    boolean stop;

    @Override
    public Integer call() {
        if (options.verbose) {
            Logging.verbose();
        }
        CliContext context = root.context();
        if (stop) {
            return stop(context);
        }
        Path where = dir != null ? dir : temporaryDirectory();
        PrintWriter story = options.json ? context.err() : context.out();
        DemoResult result;
        try (StepPrinter printer = new StepPrinter(context, options.json)) {
            result = new Demo(where, context.environment(), line -> {
                story.println(line);
                story.flush();
            }, printer).run(keep);
        }
        String rewind = context.environment().getOrDefault(LAUNCHER, "rewind");
        context.out().print(options.json ? Json.write(result) + "\n" : summary(result, rewind));
        context.out().flush();
        return result.succeeded() ? 0 : 1;
    }

    private int stop(CliContext context) {
        if (dir == null) {
            throw new RewindException(ErrorCode.USAGE, "--stop needs the demo's directory"
                    + "\n    fix: rewind demo --stop --dir DIR (the directory `rewind demo --keep` printed)");
        }
        Demo.StopResult result = Demo.stop(dir, context.environment());
        context.out().print(options.json ? Json.write(result) + "\n"
                : "Demo in " + result.directory() + ": backend " + (result.backend() ? "stopped" : "was not running")
                        + ", PostgreSQL " + (result.postgres() ? "stopped" : "was not running") + ".\n");
        context.out().flush();
        return 0;
    }

    /** Set by ./rewind to its own path, so that the commands the demo suggests can be pasted as they are. */
    static final String LAUNCHER = "REWIND_LAUNCHER";

    static String summary(DemoResult r, String rewind) {
        StringBuilder out = new StringBuilder("\nTimeline (since the demo began)\n");
        r.timeline().forEach(m -> out.append(String.format("  %7s  %s%n", "+" + Text.seconds(m.at()), m.event())));
        out.append('\n')
                .append("Rollback ").append(r.rollbackRunId()).append(": ").append(r.rollbackStatus())
                .append(", downtime ").append(r.downtime() == null ? "unknown" : Text.seconds(r.downtime()))
                .append(", whole demo ").append(Text.seconds(r.duration())).append('\n')
                .append("Serving: ").append(Text.orDash(r.servingVersion())).append(" with ").append(r.itemsLive())
                .append(" orders. Nothing lost: the bad release's database is kept as ").append(r.keptDatabase())
                .append(" with ").append(r.itemsKept()).append(" orders, including those written under v2.\n")
                .append("Incident report: ").append(r.report()).append("\n\n")
                .append("Explore:\n")
                .append("  cd ").append(r.directory()).append('\n')
                .append("  ").append(rewind).append(" status\n")
                .append("  ").append(rewind).append(" runs production\n")
                .append("  ").append(rewind).append(" report ").append(r.deployRunId()).append('\n');
        if (r.running()) {
            out.append("PostgreSQL (port ").append(r.postgresPort()).append(") and the shop (").append(r.appUrl())
                    .append(") are still running; try `").append(rewind).append(" check production`, `").append(rewind)
                    .append(" serve`, `").append(rewind).append(" rollback production`.\n")
                    .append("Stop them with: ").append(rewind).append(" demo --stop --dir ").append(r.directory()).append('\n');
        } else {
            out.append("Everything the demo started is stopped; `").append(rewind)
                    .append(" demo --keep` leaves the shop running to explore.\n");
        }
        return out.toString();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("rewind-demo-");
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot create a temporary directory: " + e
                    + "\n    fix: give one with --dir DIR", e);
        }
    }
}

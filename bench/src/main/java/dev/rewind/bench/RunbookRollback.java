package dev.rewind.bench;

import dev.rewind.core.driver.ComponentDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The runbook's rollback (seed 004, "Rollback Procedure" and "Database Restore Instructions"), step by step: stop the
 * app; terminate the connections, {@code DROP DATABASE}, {@code CREATE DATABASE}; {@code gunzip -c | psql};
 * {@code rm -rf uploads && tar xzf}; switch the release link back to v1; start; poll /health until it answers 200. The
 * app goes through the same driver as Rewind's (same graceful stop, same start), the data through {@link RunbookWay}.
 */
final class RunbookRollback {

    private RunbookRollback() {}

    /** Rolls back to v1 from the runbook's backup {@code repetition} 0, as {@link RunbookWay} took it. */
    static Measured run(RollbackProject project, RunbookWay runbook) {
        ComponentDriver driver = project.driver();
        List<Measured.Part> parts = new ArrayList<>();
        long start = System.nanoTime();
        try (HealthPoller poller = HealthPoller.start(project.health())) {
            parts.add(Measured.Part.of("stop the app", () -> driver.stop()));
            parts.add(new Measured.Part("terminate connections, DROP DATABASE, CREATE DATABASE",
                    runbook.recreateDatabase()));
            parts.add(new Measured.Part("gunzip -c shop.sql.gz | psql", runbook.loadDatabase(0)));
            parts.add(new Measured.Part("rm -rf uploads && tar xzf uploads.tgz", runbook.restoreFiles(0)));
            parts.add(Measured.Part.of("switch the release link to v1", () -> driver.activate("v1", "v2")));
            parts.add(Measured.Part.of("start v1, poll /health every 100 ms until 200", () -> {
                driver.start();
                project.awaitHealthy("v1");
            }));
            Duration whole = Duration.ofNanos(System.nanoTime() - start);
            return new Measured(whole, whole, poller.stop(), parts, null, null);
        }
    }
}

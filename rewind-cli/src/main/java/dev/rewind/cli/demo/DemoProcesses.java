package dev.rewind.cli.demo;

import dev.rewind.core.Rewind;
import dev.rewind.core.driver.ComponentDriver;
import dev.rewind.core.driver.DriverContext;
import dev.rewind.core.driver.Drivers;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Stops what a demo started: the shop's backend, then PostgreSQL; each is attempted even when the other fails. */
final class DemoProcesses {

    private DemoProcesses() {}

    /** Stops both; throws the first failure, with the other one suppressed in it. */
    static Demo.StopResult stop(DemoProject project, Map<String, String> processEnv) {
        List<RuntimeException> failures = new ArrayList<>();
        boolean backend = attempt(() -> Files.exists(project.config()) && stopBackend(project, processEnv), failures);
        boolean postgres = attempt(() -> DemoPostgres.stop(project.postgresData()), failures);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        return new Demo.StopResult(project.dir().toString(), backend, postgres);
    }

    /** Stops both after the demo failed; what fails now is added to that failure, never hides it. */
    static void stopAfter(RuntimeException failure, DemoProject project, Map<String, String> processEnv) {
        try {
            stop(project, processEnv);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static boolean attempt(BooleanSupplier action, List<RuntimeException> failures) {
        try {
            return action.getAsBoolean();
        } catch (RuntimeException e) {
            failures.add(e);
            return false;
        }
    }

    private static boolean stopBackend(DemoProject project, Map<String, String> processEnv) {
        try (Rewind rewind = Rewind.open(project.config(), processEnv)) {
            var component = rewind.environment(DemoProject.ENVIRONMENT).components().get("backend");
            ComponentDriver driver = Drivers.of(new DriverContext(DemoProject.ENVIRONMENT, "backend", component,
                    project.dir(), processEnv));
            boolean running = !driver.pids().isEmpty();
            driver.stop();
            return running;
        }
    }
}

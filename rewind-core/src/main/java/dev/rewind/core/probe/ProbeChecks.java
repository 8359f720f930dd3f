package dev.rewind.core.probe;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.EnvironmentConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs probes once, all at the same time, each on its own virtual thread, each bounded by its timeout. */
public final class ProbeChecks {

    private ProbeChecks() {}

    /** Every probe of every component of the environment, once. */
    public static CheckResult checkAll(String environmentName, EnvironmentConfig environment, Path projectDir) {
        return check(environmentName, Probes.of(environment, projectDir).all());
    }

    /** The given probes, once; results in the probes' order. */
    public static CheckResult check(String environmentName, List<Probe> probes) {
        List<Future<ProbeResult>> running;
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("rewind-check-", 0).factory())) {
            running = probes.stream().map(probe -> threads.submit(probe::check)).toList();
        }
        List<ProbeResult> results = running.stream().map(ProbeChecks::result).toList();
        return new CheckResult(environmentName, results.stream().allMatch(ProbeResult::ok), results);
    }

    private static ProbeResult result(Future<ProbeResult> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a probe threw, which Probe.check() never does: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, "interrupted while running the probes", e);
        }
    }
}

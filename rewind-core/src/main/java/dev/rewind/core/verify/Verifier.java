package dev.rewind.core.verify;

import dev.rewind.core.config.EnvironmentConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Post-rollback verification (step 7 of a rollback, and {@code rewind verify ENV}): every probe healthy and within
 * its {@code max_latency}, every restored table present with the manifest's row counts, every restored directory
 * matching the manifest, the smoke and SQL checks of {@code verify:}, and no error lines in the restarted
 * components' logs. A failing check is a result, never an exception.
 *
 * <pre>{@code
 * VerifyResult result = new Verifier("production", env, projectDir).verify(scope);
 * result.failed().forEach(check -> ...);
 * }</pre>
 */
public final class Verifier {

    private final String environmentName;
    private final EnvironmentConfig env;
    private final Path projectDir;

    /** @param projectDir where relative paths of the config (files datastores, commands) are resolved */
    public Verifier(String environmentName, EnvironmentConfig env, Path projectDir) {
        this.environmentName = environmentName;
        this.env = env;
        this.projectDir = projectDir;
    }

    /**
     * Runs every check once, in the order probe, latency, tables, files, smoke, sql, logs. A check that fails, or
     * cannot reach what it checks, is a failed {@link VerifyCheck}; only an unexpected error throws. Network checks
     * are bounded by their timeouts.
     */
    public VerifyResult verify(VerifyScope scope) {
        long start = System.nanoTime();
        ProbeVerification probes = new ProbeVerification(environmentName, env, projectDir);
        List<VerifyCheck> checks = new ArrayList<>(probes.probesAndLatency());
        checks.addAll(new DatastoreVerification(env, projectDir).check(scope));
        checks.addAll(probes.smokeAndSql());
        new TreeMap<>(scope.logs()).forEach((component, log) -> checks.add(LogVerification.check(component, log)));
        boolean ok = checks.stream().allMatch(VerifyCheck::ok);
        return new VerifyResult(environmentName, ok, checks, Duration.ofNanos(System.nanoTime() - start));
    }
}

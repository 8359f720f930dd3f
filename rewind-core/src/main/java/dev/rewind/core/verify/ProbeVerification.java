package dev.rewind.core.verify;

import dev.rewind.core.config.Durations;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.HttpExpect;
import dev.rewind.core.config.ProbeConfig;
import dev.rewind.core.config.VerifyConfig;
import dev.rewind.core.probe.Probe;
import dev.rewind.core.probe.ProbeChecks;
import dev.rewind.core.probe.ProbeResult;
import dev.rewind.core.probe.Probes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks made of probes: the components' own probes with their response times, and the {@code verify:}
 * smoke and SQL checks, run as one-off probes so they are judged exactly like probes. Each group runs at once,
 * every probe bounded by its timeout.
 */
final class ProbeVerification {

    /** The component a smoke or SQL check's probe runs under: such a check belongs to no component. */
    private static final String VERIFY = "verify";

    private final String environmentName;
    private final EnvironmentConfig env;
    private final Probes factory;

    ProbeVerification(String environmentName, EnvironmentConfig env, Path projectDir) {
        this.environmentName = environmentName;
        this.env = env;
        this.factory = Probes.of(env, projectDir);
    }

    /** One {@code probe} check per probe, then one {@code latency} check per HTTP probe with a max_latency. */
    List<VerifyCheck> probesAndLatency() {
        List<Probe> probes = factory.all();
        List<ProbeResult> results = run(probes);
        List<VerifyCheck> checks = new ArrayList<>();
        results.forEach(r -> checks.add(new VerifyCheck("probe", name(r), r.ok(), r.reason())));
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i).config() instanceof ProbeConfig.Http http && http.expect().maxLatency() != null) {
                checks.add(latency(results.get(i), http.expect().maxLatency()));
            }
        }
        return checks;
    }

    /** One {@code smoke} check per smoke test, then one {@code sql} check per SQL check, in config order. */
    List<VerifyCheck> smokeAndSql() {
        List<Probe> probes = new ArrayList<>();
        env.verify().smoke().forEach(smoke -> probes.add(factory.probe(VERIFY, smokeProbe(smoke))));
        env.verify().sql().forEach(sql -> probes.add(factory.probe(VERIFY,
                new ProbeConfig.Sql(sql.query(), sql.datastore(), sql.name(), null, null))));
        return run(probes).stream().map(ProbeVerification::configured).toList();
    }

    /** A smoke or SQL check's result: what it answered when it passed, why not when it failed. */
    private static VerifyCheck configured(ProbeResult result) {
        boolean smoke = "http".equals(result.kind());
        String passed = smoke ? "answered " + result.status() + " in " + took(result) : "returned true in " + took(result);
        return new VerifyCheck(smoke ? "smoke" : "sql", result.probe(), result.ok(), result.ok() ? passed : result.reason());
    }

    private List<ProbeResult> run(List<Probe> probes) {
        return ProbeChecks.check(environmentName, probes).results();
    }

    /** The request of a smoke test, allowed at least its max_latency to answer so a slow answer says how slow. */
    private static ProbeConfig.Http smokeProbe(VerifyConfig.SmokeCheck smoke) {
        HttpExpect expect = smoke.expect();
        Duration max = expect.maxLatency();
        Duration timeout = max != null && max.compareTo(ProbeConfig.DEFAULT_TIMEOUT) > 0 ? max : ProbeConfig.DEFAULT_TIMEOUT;
        return new ProbeConfig.Http(smoke.http().url(), smoke.name(), smoke.http().method(), null, null, timeout, expect);
    }

    /** "120 ms ≤ 2s" or "2.4 s > 2s"; a probe that got no answer has no response time to judge. */
    private static VerifyCheck latency(ProbeResult result, Duration max) {
        if (result.status() == null) {
            return new VerifyCheck("latency", name(result), false, "no answer to time: " + result.reason());
        }
        boolean ok = result.latency().compareTo(max) <= 0;
        return new VerifyCheck("latency", name(result), ok, took(result) + (ok ? " ≤ " : " > ") + Durations.format(max));
    }

    private static String name(ProbeResult result) {
        return result.component() + "/" + result.probe();
    }

    /** {@code 120 ms} under a second, else {@code 2.4 s}. */
    private static String took(ProbeResult result) {
        long millis = result.latency().toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

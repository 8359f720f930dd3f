package dev.rewind.core.watch;

import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.policy.PolicyDecision;
import dev.rewind.core.policy.PolicyEngine;
import dev.rewind.core.policy.Verdict;
import dev.rewind.core.probe.ProbeResult;
import dev.rewind.core.probe.ProbeRunner;
import dev.rewind.core.probe.ProbeState;
import dev.rewind.core.probe.Probes;
import dev.rewind.core.signal.ProbeWindow;
import dev.rewind.core.signal.SignalInputs;
import dev.rewind.core.signal.SignalSnapshot;
import dev.rewind.core.signal.Signals;
import dev.rewind.core.signal.UserReports;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.StateStore;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Measures an environment and asks the policy, once a step and at once after any failed probe, for a while: probes
 * run on their intervals, signals are collected from them (and Prometheus, reports, the baseline of the live
 * release), and each decision goes to a listener. Stops early on ROLLBACK_NOW.
 */
public final class Watcher {

    /** The last decision and the signals it was taken on. */
    public record Outcome(PolicyDecision decision, SignalSnapshot snapshot, int steps) {}

    private final String environment;
    private final EnvironmentConfig config;
    private final Path projectDir;
    private final StateStore store;
    private final Clock clock;

    public Watcher(String environment, EnvironmentConfig config, Path projectDir, StateStore store, Clock clock) {
        this.environment = environment;
        this.config = config;
        this.projectDir = projectDir;
        this.store = store;
        this.clock = clock;
    }

    /** Watches for {@code length}, deciding every {@code step}; returns the last decision (early on ROLLBACK_NOW). */
    public Outcome watch(Duration length, Duration step, Consumer<PolicyDecision> listener) {
        return watch(length, step, listener, verdict -> verdict == Verdict.ROLLBACK_NOW);
    }

    /** Watches for {@code length}, deciding every {@code step}, and stops early on a verdict {@code stopOn} accepts. */
    public Outcome watch(Duration length, Duration step, Consumer<PolicyDecision> listener, Predicate<Verdict> stopOn) {
        ProbeWindow window = new ProbeWindow();
        PolicyEngine engine = new PolicyEngine(config.policy());
        Map<String, Double> baseline = store.liveRelease(environment).map(Release::id).map(store::baseline).orElse(Map.of());
        Instant end = clock.instant().plus(length);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Signals signals = Signals.forEnvironment(environment, config, window, http);
        Semaphore failed = new Semaphore(0);
        Consumer<ProbeResult> onResult = result -> {
            window.accept(result);
            if (!result.ok()) {
                failed.release();
            }
        };
        try (ProbeRunner runner = new ProbeRunner(Probes.of(config, projectDir, clock).all(), onResult, config.probeRetry()).start()) {
            Outcome outcome = null;
            int steps = 0;
            do {
                awaitStepOrFailure(failed, step);
                Instant now = clock.instant();
                SignalSnapshot snapshot = signals.collect(now, inputs(runner, baseline, now));
                PolicyDecision decision = engine.decide(snapshot.policyInput(), store.activeHolds(environment, now));
                listener.accept(decision);
                outcome = new Outcome(decision, snapshot, ++steps);
            } while (!stopOn.test(outcome.decision().verdict()) && clock.instant().isBefore(end));
            return outcome;
        }
    }

    private SignalInputs inputs(ProbeRunner runner, Map<String, Double> baseline, Instant now) {
        var states = runner.state();
        return new SignalInputs(
                states.stream().map(ProbeState::last).filter(Objects::nonNull).toList(),
                states.stream().collect(Collectors.toMap(s -> s.component() + "/" + s.probe(), ProbeState::consecutiveFailures, Math::max)),
                Map.of(),
                store.reports(environment, now.minus(UserReports.DEFAULT_WINDOW)),
                baseline);
    }

    /** A failed probe is evaluated at once, so detection does not wait for the next step. */
    private static void awaitStepOrFailure(Semaphore failed, Duration step) {
        try {
            if (failed.tryAcquire(step.toMillis(), TimeUnit.MILLISECONDS)) {
                failed.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while watching", e);
        }
    }
}

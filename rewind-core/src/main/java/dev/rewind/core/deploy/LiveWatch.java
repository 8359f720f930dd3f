package dev.rewind.core.deploy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.policy.PolicyDecision;
import dev.rewind.core.policy.Verdict;
import dev.rewind.core.rollback.Rollback;
import dev.rewind.core.rollback.RollbackRequest;
import dev.rewind.core.rollback.RollbackResult;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.watch.Watcher;
import dev.rewind.core.workflow.WorkflowListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code rewind watch}: watches the live release under the policy and rolls back on ROLLBACK (seed 004: "Monitor for
 * 30 minutes … issue worsening? → ROLLBACK"); holds turn ROLLBACK into MONITOR. If a deploy of the environment was
 * interrupted, it continues that deploy from its journal instead.
 */
public final class LiveWatch {

    private final String environment;
    private final EnvironmentConfig env;
    private final Path projectDir;
    private final StateStore store;
    private final Clock clock;
    private final Deploy deploy;
    private final Rollback rollback;

    public LiveWatch(String environment, EnvironmentConfig env, Path projectDir, StateStore store, Clock clock,
                     Deploy deploy, Rollback rollback) {
        this.environment = environment;
        this.env = env;
        this.projectDir = projectDir;
        this.store = store;
        this.clock = clock;
        this.deploy = deploy;
        this.rollback = rollback;
    }

    public WatchResult watch(Duration length, Consumer<PolicyDecision> decisions, WorkflowListener listener,
                             String actor, String haltAfter) {
        Instant started = clock.instant();
        Optional<Run> interrupted = deploy.interrupted();
        if (interrupted.isPresent()) {
            listener.message("continuing the interrupted deploy " + interrupted.get().id() + " from its journal");
            DeployResult continued = deploy.run(new DeployRequest(null, null, true, false, interrupted.get().id(), null,
                    actor), listener, haltAfter);
            return new WatchResult(environment, null, null, 0, Duration.between(started, clock.instant()), continued, null);
        }
        Release live = store.liveRelease(environment).orElseThrow(() -> new RewindException(ErrorCode.FAILED,
                "nothing is live in " + environment + " to watch\n    fix: deploy first (`rewind deploy " + environment
                        + " VERSION`)"));
        Watcher.Outcome outcome = new Watcher(environment, env, projectDir, store, clock)
                .watch(length, Duration.ofSeconds(1), decisions, Verdict::isRollback);
        PolicyDecision decision = outcome.decision();
        store.insertDecision(new Decision(Ids.decision(), environment, live.id(), decision.at().truncatedTo(ChronoUnit.MILLIS),
                decision.verdict().name(), Json.write(decision.rules()), decision.hold() == null ? null : decision.hold().id()));
        RollbackResult rolledBack = null;
        if (decision.verdict().isRollback()) {
            listener.message("AUTOMATIC ROLLBACK TRIGGERED\nEnvironment: " + environment + "\nVersion: " + live.version()
                    + "\nRule: " + decision.rule() + ": " + decision.reason());
            rolledBack = rollback.run(RollbackRequest.automatic(null, "automatic, watch: rule " + decision.rule()
                    + ": " + decision.reason(), actor, null), listener, haltAfter);
        }
        return new WatchResult(environment, live, decision, outcome.steps(), Duration.between(started, clock.instant()),
                null, rolledBack);
    }
}

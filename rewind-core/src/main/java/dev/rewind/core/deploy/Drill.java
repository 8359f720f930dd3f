package dev.rewind.core.deploy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.rollback.Rollback;
import dev.rewind.core.rollback.RollbackRequest;
import dev.rewind.core.rollback.RollbackResult;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.workflow.WorkflowListener;
import java.time.Duration;

/**
 * A rollback drill: redeploys the live version as a drill release (with its backup), rolls it back, verifies, and
 * measures the recovery against the environment's {@code rto}. Refuses {@code production} unless told it is meant.
 */
public final class Drill {

    public static final String PRODUCTION = "production";

    private final String environment;
    private final EnvironmentConfig env;
    private final StateStore store;
    private final Deploy deploy;
    private final Rollback rollback;

    public Drill(String environment, EnvironmentConfig env, StateStore store, Deploy deploy, Rollback rollback) {
        this.environment = environment;
        this.env = env;
        this.store = store;
        this.deploy = deploy;
        this.rollback = rollback;
    }

    public DrillResult run(boolean iKnow, WorkflowListener listener, String actor, String haltAfter) {
        if (PRODUCTION.equals(environment) && !iKnow) {
            throw new RewindException(ErrorCode.USAGE, "a drill restarts " + environment + " twice and restores its data"
                    + " from a fresh backup; it refuses production\n    fix: drill staging, or pass --i-know");
        }
        Release live = store.liveRelease(environment).orElseThrow(() -> new RewindException(ErrorCode.FAILED,
                "nothing is live in " + environment + " to drill\n    fix: deploy first (`rewind deploy " + environment
                        + " VERSION`)"));
        DeployResult drill = deploy.run(new DeployRequest(live.version(), Duration.ZERO, false, false, null, "drill", actor),
                listener, haltAfter);
        if (!"live".equals(drill.status())) {
            return new DrillResult(environment, live.version(), drill, null, null, env.rto(), null);
        }
        RollbackResult back = rollback.run(RollbackRequest.automatic(live.id(), "rollback drill", actor, drill.runId()),
                listener, haltAfter);
        Duration recovery = back.duration();
        Boolean met = env.rto() == null || recovery == null ? null : recovery.compareTo(env.rto()) <= 0;
        return new DrillResult(environment, live.version(), drill, back, recovery, env.rto(), met);
    }
}

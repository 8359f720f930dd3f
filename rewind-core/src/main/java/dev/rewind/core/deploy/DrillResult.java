package dev.rewind.core.deploy;

import dev.rewind.core.rollback.RollbackResult;
import java.time.Duration;

/**
 * The outcome of {@code rewind drill} (seed 003's monthly rollback drill).
 *
 * @param environment the environment drilled
 * @param version     the live version, redeployed as the drill release and rolled back
 * @param deploy      the drill release's deploy
 * @param rollback    its rollback, or null if the deploy failed
 * @param recovery    the measured recovery time: the rollback run, decision to verified
 * @param rto         the environment's recovery time objective, or null if it has none
 * @param rtoMet      whether the recovery took no longer than the objective, or null without one
 */
public record DrillResult(String environment, String version, DeployResult deploy, RollbackResult rollback,
                          Duration recovery, Duration rto, Boolean rtoMet) {

    public boolean succeeded() {
        return rollback != null && rollback.succeeded();
    }
}

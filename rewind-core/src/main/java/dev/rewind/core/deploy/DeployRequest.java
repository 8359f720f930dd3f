package dev.rewind.core.deploy;

import java.time.Duration;

/**
 * What {@code rewind deploy ENV VERSION} asks.
 *
 * @param version      the version to deploy (each component's release of that name)
 * @param watch        how long to watch the new release before calling it live; null for the environment's {@code watch}
 * @param autoRollback roll back at once on a trigger; false: announce the decision and stop (exit 3)
 * @param dryRun       print the plan, change nothing
 * @param resume       the interrupted deploy run to resume, or null
 * @param note         kept with the release (e.g. {@code drill}), or null
 * @param actor        who deploys
 */
public record DeployRequest(String version, Duration watch, boolean autoRollback, boolean dryRun, String resume,
                            String note, String actor) {}

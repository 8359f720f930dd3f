package dev.rewind.core.report;

import dev.rewind.core.store.Release;
import java.time.Instant;

/**
 * The first lines of an incident report.
 *
 * @param environment   the environment
 * @param outcome       {@code rolled back}, {@code rollback failed}, {@code rollback in progress}, or for a deploy that
 *                      did not roll back {@code deployed}, {@code deploy failed}, {@code deploy in progress}
 * @param from          the release rolled back (as it stands now), or the deploy's previous release
 * @param to            the release rolled back to, or the deployed one
 * @param reason        why, in the run's words
 * @param actor         who started the run
 * @param deployRunId   the deploy that rolled back, or null
 * @param rollbackRunId the rollback run, or null when the deploy did not roll back
 * @param startedAt     when the first run started
 * @param finishedAt    when the last run finished, or null while it runs
 * @param error         why the run failed, or null
 */
public record Summary(String environment, String outcome, Release from, Release to, String reason, String actor,
                      String deployRunId, String rollbackRunId, Instant startedAt, Instant finishedAt, String error) {}

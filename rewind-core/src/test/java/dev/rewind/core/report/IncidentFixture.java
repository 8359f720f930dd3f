package dev.rewind.core.report;

import dev.rewind.core.Json;
import dev.rewind.core.config.ConfigLoader;
import dev.rewind.core.config.RewindConfig;
import dev.rewind.core.policy.Action;
import dev.rewind.core.policy.RuleEvaluation;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.BackupStatus;
import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Release;
import dev.rewind.core.store.ReleaseStatus;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.StepStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A journaled story in a real SQLite store: v2 deployed at {@link #T}, the policy decides ROLLBACK at T+20s and the
 * deploy's watch fails; the rollback runs from T+21s (stop at T+23s, swap at T+24s–25s, healthy at T+30s, verified
 * at T+31s). Announcing the start to slack failed. The database lives on a port where nothing listens.
 */
final class IncidentFixture {

    static final Instant T = Instant.parse("2026-11-21T10:00:00Z");
    static final String WATCH_ERROR = "the policy decided ROLLBACK: rule error-rate-over-5pct fired: "
            + "metrics.error_rate = 0.48 > 0.05";

    final StateStore store;
    final RewindConfig config;
    final Release v1;
    final Release v2;
    final BackupSet backup;
    final String deployId = Ids.run();
    final String rollbackId = Ids.run();

    IncidentFixture(Path project) {
        store = StateStore.open(".rewind/state.db", project);
        config = ConfigLoader.parse("rewind.yaml", """
                project: shop
                environments:
                  production:
                    rto: 1m
                    components:
                      backend: { driver: process, start: ./api }
                    datastores:
                      db: { postgres: "postgresql://rewind@127.0.0.1:1/shop" }
                """, Map.of());
        v1 = release("v1", at(-3600));
        backup = new BackupSet(Ids.backup(), "production", v1.id(), at(-120), BackupStatus.COMPLETE, 4096, null);
        store.insertBackupSet(backup);
        v2 = release("v2", at(0));
        deploy();
        rollback();
    }

    static Instant at(double seconds) {
        return T.plus(Duration.ofMillis((long) (seconds * 1000)));
    }

    private Release release(String version, Instant at) {
        Release release = new Release(Ids.release(), "production", version, Map.of("backend", version), "ana", at,
                null, ReleaseStatus.LIVE, null, null);
        store.insertRelease(release);
        return release;
    }

    private void deploy() {
        store.insertRun(new Run(deployId, "production", RunKind.DEPLOY, RunStatus.FAILED, "ana", at(-60), at(40),
                v1.id(), v2.id(), null, null, "rolled back: watch: " + WATCH_ERROR));
        store.upsertStep(new RunStep(deployId, 0, "preflight", StepStatus.DONE, at(-60), at(-59), null, null));
        store.upsertStep(new RunStep(deployId, 1, "watch", StepStatus.FAILED, at(0), at(20), null, WATCH_ERROR));
        store.insertDecision(new Decision(Ids.decision(), "production", v2.id(), at(20), "ROLLBACK", Json.write(List.of(
                new RuleEvaluation("error-rate-over-5pct", "metrics.error_rate > 0.05", Action.ROLLBACK,
                        RuleEvaluation.State.FIRED, Map.of("metrics.error_rate", "0.48"), "true for 2m of 2m"),
                new RuleEvaluation("p99-over-2x", "metrics.p99 > 2 * baseline.p99", Action.ROLLBACK,
                        RuleEvaluation.State.FALSE, Map.of("metrics.p99", "0.12"), "false"))), null));
        event(-60, "deploy.started", deployId, null);
        event(21, "deploy.rolled_back", deployId, null);
    }

    private void rollback() {
        String plan = Json.write(Map.of("from", v2.id(), "to", v1.id(), "backup", backup.id(),
                "components", List.of("backend"), "datastores", List.of("db"),
                "reason", "automatic, deploy " + deployId + ": watch: " + WATCH_ERROR));
        store.insertRun(new Run(rollbackId, "production", RunKind.ROLLBACK, RunStatus.SUCCEEDED, "ana", at(21), at(32),
                v2.id(), v1.id(), deployId, plan, null));
        step(0, "preflight", 21, 22, """
                {"components": {"backend": {"active_version": "v2", "target_version": "v1", "pids": [4242],
                 "log_tail": ["ERROR checkout failed"]}}, "backup": "%s"}""".formatted(backup.id()));
        step(1, "announce start", 22, 22.1, null);
        step(2, "prepare db", 22.1, 23, null);
        step(3, "stop backend", 23, 24, null);
        step(4, "swap db", 24, 25, null);
        step(5, "activate backend", 25, 25.5, null);
        step(6, "start backend", 25.5, 30, null);
        step(7, "verify", 30, 31, """
                {"environment": "production", "ok": true, "duration": "1s", "checks": [
                 {"kind": "probe", "name": "backend/health", "ok": true, "detail": "ok"},
                 {"kind": "tables", "name": "db", "ok": true, "detail": "2 tables with the manifest's row counts"}]}""");
        step(8, "record releases", 31, 31.1, null);
        step(9, "announce result", 31.1, 31.2, null);
        event(21, "rollback.started", rollbackId, null);
        event(22.05, "notify.failed", rollbackId, """
                {"notifier": "slack", "event": "rollback.started", "ok": false, "attempts": 3, "error": "HTTP 500"}""");
        event(32, "rollback.completed", rollbackId, null);
    }

    private void step(int seq, String name, double from, double to, String output) {
        store.upsertStep(new RunStep(rollbackId, seq, name, StepStatus.DONE, at(from), at(to), output, null));
    }

    private void event(double at, String action, String subject, String detail) {
        store.appendEvent(new Event(Ids.event(), at(at), "ana", "production", action, subject, detail));
    }
}

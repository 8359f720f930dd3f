package dev.rewind.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.store.Decision;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.StepStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics of runs and decisions, read from a real SQLite state store as CLI processes leave them. */
class StorePollerTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:30:00Z");

    @TempDir
    Path dir;

    private StateStore store;
    private final RewindMetrics metrics = new RewindMetrics();
    private StorePoller poller;

    @BeforeEach
    void open() {
        store = StateStore.open(".rewind/state.db", dir);
        poller = new StorePoller(store, List.of("production", "staging"), metrics);
    }

    @AfterEach
    void close() {
        poller.close();
        store.close();
    }

    @Test
    void aFinishedRollbackIsCountedWithItsDurationAndDowntime() {
        Run run = run("production", RunKind.ROLLBACK);
        journal(run.id(), "preflight", 0, 1, "stop backend", 2, 3, "swap db", 3, 4, "start backend", 4, 6,
                "verify", 6, 9);
        store.finishRun(run.id(), RunStatus.SUCCEEDED, T0.plusSeconds(10), null);

        poller.poll();

        assertThat(metrics.scrape()).contains(
                "rewind_rollbacks_total{environment=\"production\",outcome=\"succeeded\"} 1.0",
                "rewind_rollback_duration_seconds_bucket{environment=\"production\",outcome=\"succeeded\",le=\"5.0\"} 0",
                "rewind_rollback_duration_seconds_bucket{environment=\"production\",outcome=\"succeeded\",le=\"10.0\"} 1",
                "rewind_rollback_duration_seconds_sum{environment=\"production\",outcome=\"succeeded\"} 10.0",
                "rewind_rollback_downtime_seconds_bucket{environment=\"production\",le=\"2.0\"} 0",
                "rewind_rollback_downtime_seconds_bucket{environment=\"production\",le=\"5.0\"} 1",
                "rewind_rollback_downtime_seconds_sum{environment=\"production\"} 4.0");
    }

    @Test
    void eachFinishIsRecordedOnceAndRunsInFlightWaitUntilTheyFinish() {
        Run failed = run("production", RunKind.ROLLBACK);
        journal(failed.id(), "preflight", 0, 1, "stop backend", 1, 2, "start backend", 2, -1);
        store.finishRun(failed.id(), RunStatus.FAILED, T0.plusSeconds(3), "start backend: no answer");
        Run deploy = run("staging", RunKind.DEPLOY);
        poller.poll();
        poller.poll();

        assertThat(metrics.scrape())
                .contains("rewind_rollbacks_total{environment=\"production\",outcome=\"failed\"} 1.0",
                        "rewind_rollback_duration_seconds_count{environment=\"production\",outcome=\"failed\"} 1")
                .doesNotContain("rewind_deploys_total", "rewind_rollback_downtime_seconds");

        store.finishRun(deploy.id(), RunStatus.SUCCEEDED, T0.plusSeconds(30), null);
        store.reopenRun(failed.id());
        store.finishRun(failed.id(), RunStatus.SUCCEEDED, T0.plusSeconds(60), null);
        poller.poll();
        poller.poll();

        assertThat(metrics.scrape()).contains(
                "rewind_deploys_total{environment=\"staging\",outcome=\"succeeded\"} 1.0",
                "rewind_rollbacks_total{environment=\"production\",outcome=\"failed\"} 1.0",
                "rewind_rollbacks_total{environment=\"production\",outcome=\"succeeded\"} 1.0");
    }

    @Test
    void decisionsAreCountedByActionOnceEach() {
        decision("production", "ROLLBACK_NOW");
        decision("production", "CONTINUE");
        poller.poll();
        decision("production", "CONTINUE");
        decision("staging", "INSUFFICIENT_DATA");
        poller.poll();
        poller.poll();

        assertThat(metrics.scrape()).contains(
                "rewind_decisions_total{action=\"ROLLBACK_NOW\",environment=\"production\"} 1.0",
                "rewind_decisions_total{action=\"CONTINUE\",environment=\"production\"} 2.0",
                "rewind_decisions_total{action=\"INSUFFICIENT_DATA\",environment=\"staging\"} 1.0");
    }

    @Test
    void theFirstPollRecordsTheStoresHistoryBeyondTheRecentWindow() {
        for (int i = 0; i < StorePoller.RECENT_DECISIONS + 5; i++) {
            decision("production", "MONITOR");
        }
        poller.poll();

        assertThat(metrics.scrape()).contains("rewind_decisions_total{action=\"MONITOR\",environment=\"production\"} "
                + (StorePoller.RECENT_DECISIONS + 5) + ".0");
    }

    private Run run(String environment, RunKind kind) {
        Run run = new Run(Ids.run(), environment, kind, RunStatus.RUNNING, "alice", T0, null, null, null, null, null,
                null);
        store.insertRun(run);
        return run;
    }

    /** Steps as (name, started second, finished second); a finish of -1 leaves the step failed. */
    private void journal(String runId, Object... steps) {
        for (int i = 0; i < steps.length; i += 3) {
            int finished = (Integer) steps[i + 2];
            store.upsertStep(new RunStep(runId, i / 3 + 1, (String) steps[i], finished < 0 ? StepStatus.FAILED
                    : StepStatus.DONE, T0.plusSeconds((Integer) steps[i + 1]),
                    finished < 0 ? null : T0.plusSeconds(finished), null, null));
        }
    }

    private void decision(String environment, String action) {
        store.insertDecision(new Decision(Ids.decision(), environment, null, Instant.now(), action, "[]", null));
    }
}

package dev.rewind.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.store.Lease;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.StepStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal of a run on a real SQLite store: before and after each step, stop at a failure, resume from it. */
class WorkflowTest {

    @TempDir
    Path dir;

    private StateStore store;
    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void open() {
        store = StateStore.open(".rewind/state.db", dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyStepIsJournaledWithItsOutputAndTheRunStopsAtTheFirstFailure() {
        Run run = run("run-1");
        boolean[] broken = {true};
        List<Step> plan = List.of(step("one"), Step.of("two", "fails once", () -> {
            if (broken[0]) {
                throw new RewindException(ErrorCode.FAILED, "disk full");
            }
            done.add("two");
            return null;
        }), step("three"));

        List<RunStep> first;
        try (EnvironmentLock lock = lock(run)) {
            first = new Workflow(store, Clock.systemUTC(), null).execute(run, plan, lock, WorkflowListener.NONE);
        }

        assertThat(first).extracting(RunStep::status).containsExactly(StepStatus.DONE, StepStatus.FAILED, StepStatus.PENDING);
        assertThat(store.steps(run.id())).isEqualTo(first);
        assertThat(first.get(0).outputJson()).contains("\"did\" : \"one\"");
        assertThat(first.get(1).error()).isEqualTo("disk full");
        assertThat(done).containsExactly("one");

        broken[0] = false;
        List<String> skipped = new ArrayList<>();
        try (EnvironmentLock lock = lock(run)) {
            new Workflow(store, Clock.systemUTC(), null).execute(run, plan, lock, new WorkflowListener() {
                @Override
                public void skipped(RunStep step) {
                    skipped.add(step.name());
                }
            });
        }
        assertThat(skipped).containsExactly("one");
        assertThat(done).containsExactly("one", "two", "three");
        assertThat(store.steps(run.id())).allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.DONE));
    }

    @Test
    void aPlanThatNoLongerMatchesTheJournalIsNotResumed() {
        Run run = run("run-1");
        try (EnvironmentLock lock = lock(run)) {
            new Workflow(store, Clock.systemUTC(), null).execute(run, List.of(step("one")), lock, WorkflowListener.NONE);
        }
        assertThatThrownBy(() -> new Workflow(store, Clock.systemUTC(), null).journal(run, List.of(step("one"), step("two"))))
                .hasMessageContaining("cannot be resumed safely");
    }

    @Test
    void aSecondRunIsLockedOutNamingTheHolderEvenWithTheSameRunId() {
        try (EnvironmentLock held = lock(run("run-1"))) {
            assertThatThrownBy(() -> lock(run("run-2")))
                    .isInstanceOfSatisfying(RewindException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCKED))
                    .hasMessageContaining("environment prod is locked by run run-1", "since");
            assertThatThrownBy(() -> lock(run("run-1"))).isInstanceOf(RewindException.class);
        }
        lock(run("run-2")).close();
    }

    @Test
    void theLeaseOfADeadProcessIsTakenOver() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long deadPid = ProcessHandle.current().pid() + 1_000_000;
        String host;
        try (EnvironmentLock probe = lock(run("probe"))) {
            host = store.lease("prod").orElseThrow().host();
        }
        store.acquireLease(new Lease("prod", "run-dead", "rollback by bob", host, deadPid, now, now,
                now.plusSeconds(300)), l -> false);

        try (EnvironmentLock lock = lock(run("run-2"))) {
            assertThat(store.lease("prod").orElseThrow().runId()).isEqualTo("run-2");
        }
        assertThat(store.lease("prod")).isEmpty();
    }

    private EnvironmentLock lock(Run run) {
        return EnvironmentLock.acquire(store, "prod", run.id(), "rollback by alice", Clock.systemUTC());
    }

    private Run run(String id) {
        Run run = new Run(id, "prod", RunKind.ROLLBACK, RunStatus.RUNNING, "alice",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null, null, null, null, null);
        if (store.run(id).isEmpty()) {
            store.insertRun(run);
        }
        return run;
    }

    private Step step(String name) {
        return Step.of(name, "does " + name, () -> {
            done.add(name);
            return Map.of("did", name);
        });
    }
}

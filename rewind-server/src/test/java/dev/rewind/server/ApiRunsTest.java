package dev.rewind.server;

import static dev.rewind.server.ApiAuthTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.Lease;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunKind;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.workflow.EnvironmentLock;
import dev.rewind.testkit.EventStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/runs/{id}…}: a run and its journal, and its progress as server-sent events, for a run journaled by
 * another process (here: written to the state store by the test, step by step, holding the environment's lock as a
 * run does, or not, as a run whose process died).
 */
class ApiRunsTest {

    @TempDir
    Path dir;

    private TestServer api;
    private StateStore store;

    @BeforeEach
    void start() {
        api = new TestServer(dir);
        store = api.rewind.store();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aRunWithItsJournalAndAuditTrail() {
        Run run = run(RunStatus.RUNNING);
        store.upsertStep(step(run, 1, "preflight", StepStatus.DONE));
        store.appendEvent(new Event(Ids.event(), now(), "ana", "staging", "rollback.started", run.id(), null));

        JsonNode json = json(api.get("/api/runs/" + run.id(), api.viewer));

        assertThat(json.at("/run/id").asText()).isEqualTo(run.id());
        assertThat(json.at("/run/status").asText()).isEqualTo("running");
        assertThat(json.at("/steps/0/name").asText()).isEqualTo("preflight");
        assertThat(json.at("/events/0/action").asText()).isEqualTo("rollback.started");
    }

    @Test
    void anUnknownRunIs404() {
        for (String path : List.of("", "/events", "/report", "/report.md")) {
            HttpResponse<String> response = api.get("/api/runs/run-nope" + path, api.viewer);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).get("message").asText()).startsWith("no run run-nope in the state store");
        }
    }

    @Test
    void theEventsOfARunNeedAToken() {
        Run run = run(RunStatus.SUCCEEDED);

        assertThat(api.get("/api/runs/" + run.id() + "/events", null).statusCode()).isEqualTo(401);
    }

    @Test
    void eachStepChangeIsAnEventAndTheFinishedRunEndsTheStream() throws Exception {
        Run run = run(RunStatus.RUNNING);
        store.upsertStep(step(run, 1, "preflight", StepStatus.PENDING));
        store.upsertStep(step(run, 2, "swap db", StepStatus.PENDING));

        try (EnvironmentLock lock = lock(run);
             EventStream events = EventStream.open(api.request("/api/runs/" + run.id() + "/events", api.viewer))) {
            assertThat(events.contentType()).startsWith("text/event-stream");
            assertThat(step(events.next())).isEqualTo("1 preflight pending");
            assertThat(step(events.next())).isEqualTo("2 swap db pending");

            store.upsertStep(step(run, 1, "preflight", StepStatus.RUNNING));
            assertThat(step(events.next())).isEqualTo("1 preflight running");

            store.upsertStep(step(run, 1, "preflight", StepStatus.DONE));
            EventStream.Event done = events.next();
            assertThat(step(done)).isEqualTo("1 preflight done");
            assertThat(Json.readTree(done.data()).at("/output_json/checked/1").asText())
                    .as("a step's output (JSON over several lines) on the event's one data line").isEqualTo("uploads");

            store.upsertStep(step(run, 2, "swap db", StepStatus.FAILED));
            store.finishRun(run.id(), RunStatus.FAILED, now(), "step 'swap db' failed");
            assertThat(step(events.next())).isEqualTo("2 swap db failed");
            EventStream.Event last = events.next();
            assertThat(last.name()).isEqualTo("run");
            assertThat(Json.readTree(last.data()).get("status").asText()).isEqualTo("failed");
            assertThat(events.ended()).isTrue();
        }
    }

    @Test
    void aFinishedRunStreamsItsJournalAtOnce() throws Exception {
        Run run = run(RunStatus.RUNNING);
        store.upsertStep(step(run, 1, "preflight", StepStatus.DONE));
        store.finishRun(run.id(), RunStatus.SUCCEEDED, now(), null);

        try (EventStream events = EventStream.open(api.request("/api/runs/" + run.id() + "/events", api.viewer))) {
            assertThat(step(events.next())).isEqualTo("1 preflight done");
            assertThat(events.next().name()).isEqualTo("run");
            assertThat(events.ended()).isTrue();
        }
    }

    @Test
    void aRunningRunWithoutALockEndsItsStreamAsInterruptedWithTheResumeCommand() throws Exception {
        Run run = run(RunStatus.RUNNING);
        store.upsertStep(step(run, 1, "preflight", StepStatus.DONE));
        store.upsertStep(step(run, 2, "swap db", StepStatus.RUNNING));

        try (EventStream events = EventStream.open(api.request("/api/runs/" + run.id() + "/events", api.viewer))) {
            assertThat(step(events.next())).isEqualTo("1 preflight done");
            assertThat(step(events.next())).isEqualTo("2 swap db running");
            EventStream.Event last = events.next();

            assertThat(last.name()).isEqualTo("interrupted");
            assertThat(Json.readTree(last.data()).at("/run/id").asText()).isEqualTo(run.id());
            assertThat(Json.readTree(last.data()).at("/run/status").asText()).isEqualTo("running");
            assertThat(Json.readTree(last.data()).get("resume").asText())
                    .isEqualTo("rewind rollback staging --resume " + run.id());
            assertThat(events.ended()).isTrue();
        }
    }

    @Test
    void aRunWhoseLockIsHeldByAProcessThatIsGoneIsInterrupted() throws Exception {
        Run run = run(RunStatus.RUNNING);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Instant now = now();
        store.acquireLease(new Lease("staging", run.id(), "rollback by ana", InetAddress.getLocalHost().getHostName(),
                gone.pid(), now, now, now.plus(EnvironmentLock.TTL)), lease -> false);

        try (EventStream events = EventStream.open(api.request("/api/runs/" + run.id() + "/events", api.viewer))) {
            assertThat(events.next().name()).isEqualTo("interrupted");
            assertThat(events.ended()).isTrue();
        }
    }

    /** Holds the run's environment as the process running it would. */
    private EnvironmentLock lock(Run run) {
        return EnvironmentLock.acquire(store, run.environment(), run.id(), "rollback by ana", Clock.systemUTC());
    }

    /** {@code 1 preflight done} for the event of a step. */
    private static String step(EventStream.Event event) {
        assertThat(event.name()).isEqualTo("step");
        JsonNode step = Json.readTree(event.data());
        return step.get("seq").asInt() + " " + step.get("name").asText() + " " + step.get("status").asText();
    }

    private Run run(RunStatus status) {
        Run run = new Run(Ids.run(), "staging", RunKind.ROLLBACK, status, "ana", now(),
                status == RunStatus.RUNNING ? null : now(), null, null, null, null, null);
        store.insertRun(run);
        return run;
    }

    private static RunStep step(Run run, int seq, String name, StepStatus status) {
        Instant started = status == StepStatus.PENDING ? null : now();
        Instant finished = status == StepStatus.DONE || status == StepStatus.FAILED ? now() : null;
        String output = status == StepStatus.DONE ? Json.write(Map.of("checked", List.of("db", "uploads"))) : null;
        return new RunStep(run.id(), seq, name, status, started, finished, output,
                status == StepStatus.FAILED ? "boom" : null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

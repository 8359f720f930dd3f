package dev.rewind.cli;

import static dev.rewind.cli.RollbackEndToEndTest.assertRolledBack;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.Rewind;
import dev.rewind.core.store.Lease;
import dev.rewind.core.store.Role;
import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.workflow.Workflow;
import dev.rewind.server.RewindServer;
import dev.rewind.server.ServerOptions;
import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.EventStream;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollbacks and deploys through the REST API on the same engine as the CLI: the sample app, a real PostgreSQL and real files.
 * v1's start script waits while a gate file exists, so a rollback to v1 stays in its {@code start backend} step
 * until the test opens the gate: the run is seen in flight without any timing.
 */
@ExtendWith(PostgresExtension.class)
class ServeApiEndToEndTest {

    private static final String ROLLBACK = "/api/environments/production/rollback";
    private static final String DEPLOY = "/api/environments/production/deploy";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aRollbackStartedThroughTheApiStreamsItsStepsAndRestoresV1(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2();
             Rewind rewind = app.rewind();
             RewindServer server = RewindServer.start(rewind, new ServerOptions("127.0.0.1", 0, "test"))) {
            String token = rewind.tokens().create("alice", Role.OPERATOR, "tester").token();
            Path gate = holdStartOf("v1");
            HttpResponse<String> plan = send(request(server, token, ROLLBACK)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"dry_run\":true}")));

            assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
            assertThat(Json.readTree(plan.body()).get("status").asText()).isEqualTo("planned");
            assertThat(Json.readTree(plan.body()).at("/backup/id").asText()).isEqualTo(app.backupId);
            assertThat(rewind.store().runs("production")).isEmpty();

            HttpResponse<String> started = send(request(server, token, ROLLBACK)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"confirm\":\"production\",\"reason\":\"v2 fails\"}")));

            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            JsonNode json = Json.readTree(started.body());
            String runId = json.get("run_id").asText();
            assertThat(json.get("environment").asText()).isEqualTo("production");
            assertThat(json.get("events").asText()).isEqualTo("/api/runs/" + runId + "/events");
            List<String> seen = new ArrayList<>();
            EventStream.Event last;
            try (EventStream events = EventStream.open(request(server, token, json.get("events").asText()))) {
                while (!seen.contains("start backend running")) {
                    seen.add(step(events.next()));
                }
                Files.delete(gate);
                for (last = events.next(); last.name().equals("step"); last = events.next()) {
                    seen.add(step(last));
                }
                assertThat(events.ended()).isTrue();
            }
            assertThat(seen.getFirst()).startsWith("preflight ");
            assertThat(seen).contains("prepare done", "swap db done",
                    "start backend done", "verify done", "announce result done");
            assertThat(last.name()).isEqualTo("run");
            assertThat(Json.readTree(last.data()).get("status").asText()).isEqualTo("succeeded");
            assertRolledBack(app, runId);
            JsonNode run = Json.readTree(send(request(server, token, "/api/runs/" + runId)).body());
            assertThat(run.at("/run/actor").asText()).isEqualTo("token:alice");
            assertThat(run.at("/events/0/action").asText() + " by " + run.at("/events/0/actor").asText())
                    .isEqualTo("rollback.started by token:alice");
            JsonNode report = Json.readTree(send(request(server, token, "/api/runs/" + runId + "/report")).body());
            assertThat(report.at("/summary/outcome").asText()).isEqualTo("rolled back");
            HttpResponse<String> markdown = send(request(server, token, "/api/runs/" + runId + "/report.md"));
            assertThat(markdown.headers().firstValue("Content-Type")).get().asString().startsWith("text/markdown");
            assertThat(markdown.body()).contains(runId, "v1");
        }
    }

    @Test
    void aRollbackThroughTheApiWhileACliRollbackHoldsTheLockIs409NamingTheHolder(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2();
             Rewind rewind = app.rewind();
             RewindServer server = RewindServer.start(rewind, new ServerOptions("127.0.0.1", 0, "test"))) {
            String token = rewind.tokens().create("alice", Role.OPERATOR, "tester").token();
            Path gate = holdStartOf("v1");
            Process cli = new ProcessBuilder(app.rewindCommand("rollback", "production", "--yes"))
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(dir.resolve("cli.out").toFile())
                    .redirectError(dir.resolve("cli.err").toFile())
                    .start();
            Lease lease = awaitStartingBackend(rewind, cli);

            HttpResponse<String> refused = send(request(server, token, ROLLBACK)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"confirm\":\"production\"}")));
            Files.delete(gate);

            assertThat(cli.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(cli.exitValue()).as(Files.readString(dir.resolve("cli.err"))).isZero();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            JsonNode error = Json.readTree(refused.body());
            assertThat(error.get("error").asText()).isEqualTo("locked");
            assertThat(error.get("message").asText()).contains("environment production is locked by run "
                    + lease.runId() + " (" + lease.holder() + ", pid " + cli.pid(), "since " + lease.acquiredAt());
            assertThat(lease.holder()).startsWith("rollback by ");
            assertThat(rewind.store().runs("production")).extracting(Run::id).containsExactly(lease.runId());
            assertRolledBack(app, lease.runId());
        }
    }

    /** The dashboard showed "Rolling back…" for ever for a run whose process was killed; now it can resume it. */
    @Test
    void aCliRollbackKilledMidwayIsInterruptedInTheApiAndResumedThroughIt(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2();
             Rewind rewind = app.rewind();
             RewindServer server = RewindServer.start(rewind, new ServerOptions("127.0.0.1", 0, "test"))) {
            String token = rewind.tokens().create("alice", Role.OPERATOR, "tester").token();
            ProcessResult killed = ChildProcess.run(app.rewindCommand("rollback", "production", "--yes"), dir,
                    app.env("REWIND_FAULT_HALT_AFTER", "swap db"), Duration.ofMinutes(2));
            assertThat(killed.exitCode()).as(killed.toString()).isEqualTo(Workflow.HALT_STATUS);
            String runId = rewind.store().runs("production").getFirst().id();

            JsonNode view = Json.readTree(send(request(server, token, "/api/environments/production")).body());
            assertThat(view.at("/runs_in_flight/0/id").asText()).isEqualTo(runId);
            assertThat(view.get("interrupted_runs")).extracting(JsonNode::asText).containsExactly(runId);
            try (EventStream events = EventStream.open(request(server, token, "/api/runs/" + runId + "/events"))) {
                EventStream.Event last = afterTheSteps(events);
                assertThat(last.name()).isEqualTo("interrupted");
                assertThat(Json.readTree(last.data()).get("resume").asText())
                        .isEqualTo("rewind rollback production --resume " + runId);
                assertThat(events.ended()).isTrue();
            }

            HttpResponse<String> resumed = send(request(server, token, ROLLBACK).POST(HttpRequest.BodyPublishers
                    .ofString("{\"confirm\":\"production\",\"resume\":\"" + runId + "\"}")));

            assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
            assertThat(Json.readTree(resumed.body()).get("run_id").asText()).isEqualTo(runId);
            try (EventStream events = EventStream.open(request(server, token, "/api/runs/" + runId + "/events"))) {
                EventStream.Event last = afterTheSteps(events);
                assertThat(last.name()).isEqualTo("run");
                assertThat(Json.readTree(last.data()).get("status").asText()).isEqualTo("succeeded");
                assertThat(events.ended()).isTrue();
            }
            assertRolledBack(app, runId);
        }
    }

    /**
     * Deploys through the API: v1 goes live, its steps streamed; v2, whose start script exits at once, is rolled back
     * at once, and the incident report is written as after {@code rewind deploy}.
     */
    @Test
    void aDeployThroughTheApiGoesLiveAndOneThatDoesNotStartIsRolledBackWithItsReport(PostgresDatabase db)
            throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").release("v2-broken", "v2");
             Rewind rewind = app.rewind();
             RewindServer server = RewindServer.start(rewind, new ServerOptions("127.0.0.1", 0, "test"))) {
            String token = rewind.tokens().create("alice", Role.OPERATOR, "tester").token();
            Path broken = dir.resolve("backend/releases/v2-broken/start.sh");
            Files.writeString(broken, Files.readString(broken).replaceFirst("#!/bin/sh\n",
                    "#!/bin/sh\necho 'no config' >&2; exit 1\n"));

            HttpResponse<String> started = send(request(server, token, DEPLOY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"v1\",\"watch\":\"0s\"}")));

            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String v1 = Json.readTree(started.body()).get("run_id").asText();
            List<String> seen = new ArrayList<>();
            try (EventStream events = EventStream.open(request(server, token, "/api/runs/" + v1 + "/events"))) {
                EventStream.Event last;
                for (last = events.next(); last.name().equals("step"); last = events.next()) {
                    seen.add(step(last));
                }
                assertThat(last.name()).isEqualTo("run");
                assertThat(Json.readTree(last.data()).get("status").asText()).isEqualTo("succeeded");
                assertThat(events.ended()).isTrue();
            }
            assertThat(seen).contains("preflight done", "backup done", "stop backend done", "activate backend done",
                    "start backend done", "verify done", "record live done");
            assertThat(app.runningVersion()).isEqualTo("v1");
            assertThat(rewind.store().liveRelease("production").orElseThrow().version()).isEqualTo("v1");
            JsonNode run = Json.readTree(send(request(server, token, "/api/runs/" + v1)).body());
            assertThat(run.at("/events/0/action").asText() + " by " + run.at("/events/0/actor").asText())
                    .isEqualTo("deploy.started by token:alice");

            HttpResponse<String> rolledBack = send(request(server, token, DEPLOY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"v2-broken\",\"watch\":\"10m\"}")));

            assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(202);
            String v2 = Json.readTree(rolledBack.body()).get("run_id").asText();
            awaitFile(dir.resolve(".rewind/reports/" + v2 + ".json"));
            assertThat(Files.readString(dir.resolve(".rewind/reports/" + v2 + ".md"))).contains(v2, "v1");
            assertThat(app.runningVersion()).isEqualTo("v1");
            Run rollback = rewind.store().runs("production").getFirst();
            assertThat(rollback.parentRunId()).isEqualTo(v2);
            assertThat(rollback.status()).isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    /** The first event that is not a step's. */
    private static EventStream.Event afterTheSteps(EventStream events) throws InterruptedException {
        EventStream.Event event = events.next();
        while (event.name().equals("step")) {
            event = events.next();
        }
        return event;
    }

    /** Waits until {@code file} exists (written once the run has ended). */
    private static void awaitFile(Path file) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " was not written within 2 min");
            }
            RollbackScenario.sleep(50);
        }
    }

    /** Makes the release's start script wait while the returned file exists. */
    private Path holdStartOf(String release) throws IOException {
        Path gate = dir.resolve("gate-" + release);
        Path script = dir.resolve("backend/releases/" + release + "/start.sh");
        Files.writeString(script, Files.readString(script).replaceFirst("#!/bin/sh\n",
                "#!/bin/sh\nwhile [ -f '" + gate + "' ]; do sleep 0.1; done\n"));
        Files.createFile(gate);
        return gate;
    }

    /** Waits until the CLI's rollback is in its gated start step, and returns its lease. */
    private static Lease awaitStartingBackend(Rewind rewind, Process cli) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && cli.isAlive()) {
            Optional<Run> run = rewind.store().runs("production").stream().findFirst();
            if (run.isPresent() && rewind.store().steps(run.get().id()).stream()
                    .anyMatch(s -> s.name().equals("start backend") && s.status() == StepStatus.RUNNING)) {
                return rewind.store().lease("production").orElseThrow();
            }
            RollbackScenario.sleep(50);
        }
        throw new AssertionError("the CLI's rollback never reached 'start backend' (alive: " + cli.isAlive() + ")");
    }

    /** {@code prepare done} for the event of a step. */
    private static String step(EventStream.Event event) {
        assertThat(event.name()).isEqualTo("step");
        JsonNode step = Json.readTree(event.data());
        return step.get("name").asText() + " " + step.get("status").asText();
    }

    private static HttpRequest.Builder request(RewindServer server, String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

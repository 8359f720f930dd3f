package dev.rewind.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rewind's way through its REST API: one {@code rewind serve} child process, started as the CLI is
 * ({@link RewindCli#command}: {@code ./rewind} with its JVM options and class-data sharing archive), with an
 * operator token made by {@code rewind token create}. A deploy is {@code POST /api/environments/production/deploy},
 * timed from just before the POST until a poll of {@code GET /api/runs/{id}} (every 20 ms) sees the run finished.
 */
final class RewindServe implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(20);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);

    private final Process process;
    private final Path stderr;
    private final URI base;
    private final String token;

    private RewindServe(Process process, Path stderr, URI base, String token) {
        this.process = process;
        this.stderr = stderr;
        this.base = base;
        this.token = token;
    }

    /** Makes a token, starts the server on a free port and waits until it listens; its output goes to {@code scratch}. */
    static RewindServe start(RollbackProject project, Path cliJar, Path scratch) {
        RewindCli.Run created = RewindCli.run(project, cliJar, scratch, "token", "token", "create", "bench", "--role",
                "operator", "--json");
        String token = created.json().path("token").asText();
        if (created.exit() != 0 || token.isEmpty()) {
            throw created.failed("made no token");
        }
        ProcessBuilder command = RewindCli.command(cliJar, "serve", "--port", "0", "--json", "-c",
                project.config().toString());
        Path out = scratch.resolve("serve.json");
        Path err = scratch.resolve("serve.err");
        Process process;
        try {
            process = command.directory(project.dir().toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.command(), e);
        }
        try {
            RewindServe serve = new RewindServe(process, err, awaitUrl(process, out, err), token);
            Log.info("rewind serve (pid " + process.pid() + ") listens on " + serve.base);
            return serve;
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    /** Deploys {@code version} with {@code --watch 0s} through the API; fails unless it ends live. */
    RewindDeploy.Result deploy(String version) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        HttpResponse<String> answer = send(request("/api/environments/" + RollbackProject.ENV + "/deploy")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"" + version + "\",\"watch\":\"0s\"}")));
        if (answer.statusCode() != 202) {
            throw failed("answered the deploy of " + version + " with " + answer.statusCode() + ": " + answer.body());
        }
        String runId = Json.readTree(answer.body()).path("run_id").asText();
        JsonNode run = awaitFinished(runId);
        Duration whole = Duration.ofNanos(System.nanoTime() - start);
        if (!"succeeded".equals(run.at("/run/status").asText())) {
            throw failed("ended the deploy " + runId + " of " + version + " " + run.at("/run/status").asText() + ": "
                    + run.at("/run/error").asText());
        }
        JsonNode steps = run.path("steps");
        Measured measured = new Measured(whole,
                Journal.downtime(steps).orElseThrow(() -> failed("left " + runId + " without a stop or start step")),
                null, Journal.parts(steps, started, whole, "POST → first step (HTTP, token, plan, lock)",
                        "last step → the client sees the run finished (run recorded; the 20 ms poll)"),
                Duration.between(Instant.parse(run.at("/run/started_at").asText()),
                        Instant.parse(run.at("/run/finished_at").asText())), null);
        return new RewindDeploy.Result(measured, RewindDeploy.backupSet(steps)
                .orElseThrow(() -> failed("left " + runId + " without the backup step's `took`")));
    }

    private JsonNode awaitFinished(String runId) {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = send(request("/api/runs/" + runId).GET());
            if (answer.statusCode() != 200) {
                throw failed("answered GET /api/runs/" + runId + " with " + answer.statusCode() + ": " + answer.body());
            }
            JsonNode run = Json.readTree(answer.body());
            if (!"running".equals(run.at("/run/status").asText())) {
                return run;
            }
            RollbackProject.sleep(POLL.toMillis());
        }
        throw failed("did not finish the deploy " + runId + " within " + RUN_TIMEOUT.toMinutes() + " min");
    }

    /** The server's URL, from the JSON {@code serve --json} prints once it listens. */
    private static URI awaitUrl(Process process, Path out, Path err) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            String printed = read(out).strip();
            if (printed.endsWith("}")) {
                return URI.create(Json.readTree(printed).path("url").asText());
            }
            RollbackProject.sleep(50);
        }
        throw failed(err, "did not listen within " + START_TIMEOUT.toSeconds() + " s (alive: " + process.isAlive()
                + ")");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return RollbackProject.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach rewind serve", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to rewind serve", e);
        }
    }

    private IllegalStateException failed(String what) {
        return failed(stderr, what);
    }

    private static IllegalStateException failed(Path stderr, String what) {
        return new IllegalStateException("`rewind serve` " + what + "\nits stderr: " + read(stderr));
    }

    /** Stops the server (SIGTERM: it ends as on Ctrl-C), forcibly if it has not ended within 30 s. */
    @Override
    public void close() {
        stop(process);
    }

    /**
     * Kills the server at once (SIGKILL), for the cleanup after a failure or Ctrl-C: stopped gracefully, it would wait
     * for a deploy in flight, and the workspace is deleted anyway.
     */
    void kill() {
        try {
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                Log.info("rewind serve did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it");
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}

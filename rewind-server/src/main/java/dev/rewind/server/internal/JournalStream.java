package dev.rewind.server.internal;

import dev.rewind.core.store.Run;
import dev.rewind.core.store.RunStatus;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.StepStatus;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/runs/{id}/events}: a run's progress as server-sent events, read from the state store's journal so
 * that a run started by the CLI streams too. Event {@code step} carries a {@link RunStep} each time a step appears or
 * changes status; event {@code run} carries the {@link Run} once it has finished, and the stream ends; event
 * {@code interrupted} carries the run and the command that resumes it when no process works on it any more
 * ({@link RunLiveness}), and the stream ends.
 */
public final class JournalStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalStream.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final StateStore store;
    private final RunLiveness liveness;
    private volatile boolean closed;

    public JournalStream(StateStore store, Clock clock) {
        this.store = store;
        this.liveness = new RunLiveness(store, clock);
    }

    void stream(Context ctx, String runId) throws InterruptedException {
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Accel-Buffering", "no");
        try {
            follow(response.getOutputStream(), runId);
        } catch (IOException e) {
            LOG.debug("the events of {} stopped: the client went away ({})", runId, e.getMessage());
        }
    }

    private void follow(OutputStream out, String runId) throws IOException, InterruptedException {
        Map<Integer, StepStatus> sent = new HashMap<>();
        long quietSince = System.nanoTime();
        while (!closed) {
            Run run = store.run(runId).orElseThrow();
            for (RunStep step : store.steps(runId)) {
                if (sent.put(step.seq(), step.status()) != step.status()) {
                    send(out, "event: step\ndata: " + ServerJson.line(step) + "\n\n");
                    quietSince = System.nanoTime();
                }
            }
            if (run.status() != RunStatus.RUNNING) {
                send(out, "event: run\ndata: " + ServerJson.line(run) + "\n\n");
                return;
            }
            Optional<RunLiveness.InterruptedRun> interrupted = liveness.interrupted(runId);
            if (interrupted.isPresent()) {
                send(out, "event: interrupted\ndata: " + ServerJson.line(interrupted.get()) + "\n\n");
                return;
            }
            if (System.nanoTime() - quietSince > KEEP_ALIVE.toNanos()) {
                send(out, ": keep-alive\n\n");
                quietSince = System.nanoTime();
            }
            Thread.sleep(POLL);
        }
    }

    private static void send(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends every stream at its next poll. */
    @Override
    public void close() {
        closed = true;
    }
}

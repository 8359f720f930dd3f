package dev.rewind.core.notify;

import dev.rewind.core.Json;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.Ids;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.workflow.WorkflowListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The announcements of one run: sent to the environment's notifiers (the terminal when none is configured), every
 * finished step as a {@code step.done} event, and, when the run ends, every delivery that failed recorded in the
 * audit trail ({@code notify.failed}, about the run) for the report. A notifier never fails or holds up the run:
 * at the end it gets at most its timeout to finish.
 */
public final class RunAnnouncer implements AutoCloseable {

    private final String environment;
    private final String runId;
    private final StateStore store;
    private final Clock clock;
    private final Notifiers notifiers;
    private final Duration timeout = Notifiers.Options.DEFAULTS.timeout();

    public RunAnnouncer(String environment, EnvironmentConfig env, Path projectDir, String runId, StateStore store,
                        Clock clock, WorkflowListener listener) {
        this.environment = environment;
        this.runId = runId;
        this.store = store;
        this.clock = clock;
        this.notifiers = Notifiers.of(environment, env, projectDir, listener::message);
    }

    public void announce(Announcement.Event event, Map<String, Object> values) {
        notifiers.announce(new Announcement(event, environment, runId, clock.instant(), values));
    }

    /** {@code listener}, also announcing each step that is done (but the announcing steps themselves). */
    public WorkflowListener stepsTo(WorkflowListener listener) {
        return listener.andAfterEachStep(step -> {
            if (step.status() == StepStatus.DONE && !step.name().startsWith("announce")) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("step", step.name());
                values.put("duration", Duration.between(step.startedAt(), step.finishedAt()));
                announce(Announcement.Event.STEP_DONE, values);
            }
        });
    }

    /** Waits at most the notifiers' timeout, then records the deliveries that failed. */
    @Override
    public void close() {
        List<Delivery> failed = notifiers.close(timeout).stream().filter(d -> !d.ok()).toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (Delivery delivery : failed) {
            store.appendEvent(new Event(Ids.event(), now, "rewind", environment, "notify.failed", runId,
                    Json.write(delivery)));
        }
    }
}

package dev.rewind.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StepStatus;
import dev.rewind.core.workflow.WorkflowListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the server: it waits for the runs it started, except the part of a run that an interrupt stops. */
class RunLauncherTest {

    @Test
    void stoppingTheServerWaitedWithoutLimitForADeployFinishingItsStandby() {
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        RunLauncher launcher = new RunLauncher(null); // these runs get no incident report
        launcher.start("deploy", "production", "test", listener -> {
            begin(listener, "run-1");
            listener.interruptible(); // as Deploy does once live, before it waits for its standby
            interrupted.complete(sleep(Duration.ofMinutes(10)));
            return new RunLauncher.Ended("run-1", "live", false);
        });
        long started = System.nanoTime();

        launcher.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(interrupted.join()).as("the run was interrupted").isTrue();
    }

    @Test
    void stoppingTheServerStillWaitsForARunThatIsNotOnlyFinishing() {
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        RunLauncher launcher = new RunLauncher(null);
        launcher.start("deploy", "production", "test", listener -> {
            begin(listener, "run-2");
            interrupted.complete(sleep(Duration.ofSeconds(1))); // a watch, say
            listener.interruptible();
            return new RunLauncher.Ended("run-2", "live", false);
        });

        launcher.close();

        assertThat(interrupted.getNow(null)).as("the run ended by itself before close returned").isFalse();
    }

    private static void begin(WorkflowListener listener, String runId) {
        listener.started(new RunStep(runId, 1, "preflight", StepStatus.RUNNING, null, null, null, null));
    }

    /** Sleeps; true when interrupted. */
    private static boolean sleep(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}

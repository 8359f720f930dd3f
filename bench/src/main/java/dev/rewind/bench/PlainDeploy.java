package dev.rewind.bench;

import dev.rewind.core.driver.ComponentDriver;
import java.time.Duration;
import java.util.List;

/**
 * What a deploy script does without a safety net: stop the app, activate the other version, start it and poll
 * /health every 100 ms until it answers 200 with that version; through the same driver as Rewind's deploy, in-process,
 * timed. Its parts are named like the deploy's steps, to be set beside them.
 */
final class PlainDeploy {

    static final String STOP = "stop " + RollbackProject.COMPONENT;
    static final String ACTIVATE = "activate " + RollbackProject.COMPONENT;
    static final String START = "start " + RollbackProject.COMPONENT;

    private PlainDeploy() {}

    /** From {@code from} live to {@code to} serving; the app is down throughout. */
    static Measured run(RollbackProject project, String from, String to) {
        ComponentDriver driver = project.driver();
        long start = System.nanoTime();
        List<Measured.Part> parts = List.of(
                Measured.Part.of(STOP, () -> driver.stop()),
                Measured.Part.of(ACTIVATE, () -> driver.activate(to, from)),
                Measured.Part.of(START, () -> {
                    driver.start();
                    project.awaitHealthy(to);
                }));
        Duration whole = Duration.ofNanos(System.nanoTime() - start);
        return new Measured(whole, whole, null, parts, null, null);
    }
}

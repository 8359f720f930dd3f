package dev.rewind.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bad release's traffic: an item (a row and a file) written every 100 ms from a thread of its own, named
 * {@code PREFIX-1}, {@code PREFIX-2}…, until a write fails (the app was stopped) or {@link #stop} is called. Every
 * item it wrote came after the backup: a rollback that only restores the backup loses it.
 */
final class BadReleaseWrites implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private final RollbackProject project;
    private final String prefix;
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private BadReleaseWrites(RollbackProject project, String prefix) {
        this.project = project;
        this.prefix = prefix;
        this.thread = Thread.ofPlatform().name("bad-release-writes").daemon().start(this::write);
    }

    static BadReleaseWrites start(RollbackProject project, String prefix) {
        return new BadReleaseWrites(project, prefix);
    }

    private void write() {
        while (running.get()) {
            String name = prefix + "-" + (written.size() + 1);
            try {
                project.postItem(name);
            } catch (RuntimeException e) {
                Log.info("the bad release's writes stopped after " + written.size() + " items: " + e.getMessage());
                return;
            }
            written.add(name);
            RollbackProject.sleep(INTERVAL.toMillis());
        }
    }

    /** Stops writing; returns the names of the items the app acknowledged. */
    List<String> stop() {
        running.set(false);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(written);
    }

    @Override
    public void close() {
        running.set(false);
    }
}

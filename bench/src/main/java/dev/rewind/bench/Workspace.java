package dev.rewind.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The run's temporary directory and its PostgreSQL server. {@link #close} runs the {@link #beforeCleanup} actions,
 * stops the server and deletes everything, once, whether the run finished, failed, or was interrupted (a shutdown hook
 * covers Ctrl-C).
 */
final class Workspace implements AutoCloseable {

    private final Path root;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook;
    private final List<Runnable> firstActions = new CopyOnWriteArrayList<>();
    private volatile BenchServer server;

    private Workspace(Path root) {
        this.root = root;
        this.hook = new Thread(this::cleanUp, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static Workspace create(Path parent) {
        try {
            Files.createDirectories(parent);
            return new Workspace(Files.createTempDirectory(parent, "rewind-bench-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working directory under " + parent, e);
        }
    }

    Path root() {
        return root;
    }

    /** A new directory {@code name} in the workspace. */
    Path dir(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root.resolve(name), e);
        }
    }

    BenchServer startServer() {
        server = BenchServer.start(root.resolve("pgdata"));
        return server;
    }

    /** Runs {@code action} at the start of the cleanup, before the server stops (e.g. stop an app using it). */
    void beforeCleanup(Runnable action) {
        firstActions.add(action);
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            Log.info("shutting down already; the cleanup ran: " + e.getMessage());
        }
    }

    private void cleanUp() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Log.info("cleaning up " + root);
        firstActions.forEach(Runnable::run);
        BenchServer running = server;
        if (running != null) {
            try {
                running.close();
            } catch (IOException | RuntimeException e) {
                Log.info("stopping PostgreSQL failed: " + e.getMessage());
            }
        }
        delete(root);
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            Log.info("could not delete all of " + root + ": " + e.getMessage() + "; delete it by hand");
        }
    }
}

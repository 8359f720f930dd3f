package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs one task per item on a small fixed pool of platform threads (file work is I/O-bound; a few threads keep the
 * disk busy without thrashing it). The first failure stops the tasks not yet started and is rethrown once every
 * started task has ended, so a caller can clean up safely.
 */
final class Parallel {

    static final int THREADS = Math.clamp(2L * Runtime.getRuntime().availableProcessors(), 4, 8);

    private Parallel() {}

    /** The non-null results of {@code task} for every item, in the items' order. */
    static <T, R> List<R> map(List<T> items, Function<T, R> task) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Future<R>> futures = new ArrayList<>(items.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().name("rewind-files-", 0).daemon().factory())) {
            for (T item : items) {
                futures.add(pool.submit(() -> failure.get() == null ? run(task, item, failure) : null));
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return futures.stream().map(Parallel::result).filter(Objects::nonNull).toList();
    }

    private static <T, R> R run(Function<T, R> task, T item, AtomicReference<RuntimeException> failure) {
        try {
            return task.apply(item);
        } catch (RuntimeException e) {
            if (!failure.compareAndSet(null, e)) {
                failure.get().addSuppressed(e);
            }
            return null;
        }
    }

    private static <R> R result(Future<R> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new RewindException(ErrorCode.FAILED, "a file task failed unexpectedly: " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, "interrupted while waiting for file tasks", e);
        }
    }
}

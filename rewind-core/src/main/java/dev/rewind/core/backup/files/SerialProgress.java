package dev.rewind.core.backup.files;

import dev.rewind.core.backup.Progress;

/** Passes progress on one call at a time, so worker threads never call a caller's {@link Progress} concurrently. */
record SerialProgress(Progress delegate) implements Progress {

    static Progress of(Progress progress) {
        return progress == Progress.NONE || progress instanceof SerialProgress ? progress : new SerialProgress(progress);
    }

    @Override
    public synchronized void start(String task, long totalBytes) {
        delegate.start(task, totalBytes);
    }

    @Override
    public synchronized void advance(long bytes) {
        delegate.advance(bytes);
    }
}

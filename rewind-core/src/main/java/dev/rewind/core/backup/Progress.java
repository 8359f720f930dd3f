package dev.rewind.core.backup;

/** Reports the bytes a long copy has done, so the CLI can draw a progress bar. Must be thread-safe. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void start(String task, long totalBytes) {}

        @Override
        public void advance(long bytes) {}
    };

    /** A new task begins; {@code totalBytes} is -1 when unknown. */
    void start(String task, long totalBytes);

    /** {@code bytes} more are done. */
    void advance(long bytes);
}

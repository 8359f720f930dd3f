package dev.rewind.cli;

import dev.rewind.core.backup.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws a byte progress bar on the terminal (stderr) for each long copy; nothing when not on a terminal. */
final class TerminalProgress implements Progress, AutoCloseable {

    private final boolean enabled;
    private ProgressBar bar;

    TerminalProgress(CliContext context) {
        this.enabled = context.terminal();
    }

    @Override
    public synchronized void start(String task, long totalBytes) {
        close();
        if (!enabled) {
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(totalBytes)
                .setUnit(" MiB", 1 << 20)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .showSpeed()
                .build();
    }

    @Override
    public synchronized void advance(long bytes) {
        if (bar != null) {
            bar.stepBy(bytes);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}

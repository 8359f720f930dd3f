package dev.rewind.core.probe.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a child's merged stdout and stderr on a virtual thread, keeping only the last few KiB. */
final class OutputTail {

    private static final Logger LOG = LoggerFactory.getLogger(OutputTail.class);
    private static final int KEEP = 8 * 1024;

    private final byte[] tail = new byte[KEEP];
    private int length;
    private final Thread reader;

    OutputTail(InputStream output, String name) {
        this.reader = Thread.ofVirtual().name("rewind-probe-output " + name).start(() -> drain(output));
    }

    private void drain(InputStream output) {
        byte[] buffer = new byte[4096];
        try (output) {
            int n;
            while ((n = output.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (IOException e) {
            LOG.debug("stopped reading probe output: {}", e.getMessage());
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        if (n >= KEEP) {
            System.arraycopy(buffer, n - KEEP, tail, 0, KEEP);
            length = KEEP;
            return;
        }
        int keep = Math.min(length, KEEP - n);
        System.arraycopy(tail, length - keep, tail, 0, keep);
        System.arraycopy(buffer, 0, tail, keep, n);
        length = keep + n;
    }

    /** Waits up to {@code wait} for the output to end (a background child may hold it open), then returns the tail. */
    String await(Duration wait) throws InterruptedException {
        reader.join(wait);
        synchronized (this) {
            return new String(Arrays.copyOf(tail, length), StandardCharsets.UTF_8);
        }
    }
}

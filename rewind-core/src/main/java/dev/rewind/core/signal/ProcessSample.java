package dev.rewind.core.signal;

/**
 * One reading of a process from {@code /proc}.
 *
 * @param pid           the process
 * @param startTicks    when it started, in clock ticks after boot: tells a reused pid from the same process
 * @param cpuTicks      user + system CPU time so far, in clock ticks
 * @param rssBytes      resident memory
 * @param memTotalBytes the machine's memory
 * @param nanoTime      {@link System#nanoTime()} when read
 */
record ProcessSample(long pid, long startTicks, long cpuTicks, long rssBytes, long memTotalBytes, long nanoTime) {

    boolean sameProcessAs(ProcessSample other) {
        return other != null && other.pid == pid && other.startTicks == startTicks && other.cpuTicks <= cpuTicks;
    }
}

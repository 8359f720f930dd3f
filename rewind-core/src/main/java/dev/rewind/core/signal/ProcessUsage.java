package dev.rewind.core.signal;

/**
 * What one process uses, or why it could not be measured.
 *
 * @param pid           the process
 * @param rssBytes      resident memory ({@code VmRSS}), or null
 * @param memoryPercent resident memory as a share of the machine's ({@code MemTotal}), 0–1, or null
 * @param cpuPercent    CPU time used per elapsed time, as a share of the CPUs available, 0–1; null when it could not
 *                      be measured (see {@code reason})
 * @param reason        why some or all of the values are missing; null when all are there
 */
public record ProcessUsage(long pid, Long rssBytes, Double memoryPercent, Double cpuPercent, String reason) {

    static ProcessUsage missing(long pid, String reason) {
        return new ProcessUsage(pid, null, null, null, reason);
    }

    public boolean hasData() {
        return rssBytes != null;
    }
}

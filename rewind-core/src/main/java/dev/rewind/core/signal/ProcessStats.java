package dev.rewind.core.signal;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Memory and CPU of the {@code process}-driver components, from Linux {@code /proc}. CPU is measured between two
 * readings at least {@code minInterval} apart: since this object's previous reading of the same process, or, when
 * there is none that old, over a fresh interval it waits for. CPU percent is of all the CPUs available here, so a
 * process spinning on one of four CPUs is at 0.25. Memory percent is of the machine's memory ({@code MemTotal});
 * a cgroup limit is not considered.
 */
public final class ProcessStats {

    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofMillis(250);

    private final ProcFiles proc;
    private final Duration minInterval;
    private final int cpus;
    private final Map<Long, ProcessSample> previous = new HashMap<>();

    public ProcessStats() {
        this(Path.of("/proc"), DEFAULT_MIN_INTERVAL);
    }

    public ProcessStats(Path proc, Duration minInterval) {
        this.proc = new ProcFiles(proc);
        this.minInterval = minInterval;
        this.cpus = Runtime.getRuntime().availableProcessors();
    }

    /** Measures every process of {@code pids} (name → pid), waiting at most once for a CPU interval. */
    public synchronized Map<String, ProcessUsage> measure(Map<String, Long> pids) {
        Map<String, ProcessUsage> gone = new HashMap<>();
        Map<String, ProcessSample> before = new HashMap<>();
        boolean first = false;
        for (Map.Entry<String, Long> entry : pids.entrySet()) {
            long pid = entry.getValue();
            try {
                ProcessSample now = proc.read(pid);
                ProcessSample last = previous.get(pid);
                boolean usable = now.sameProcessAs(last) && now.nanoTime() - last.nanoTime() >= minInterval.toNanos();
                first |= !usable;
                before.put(entry.getKey(), usable ? last : now);
            } catch (ProcFiles.Unreadable e) {
                previous.remove(pid);
                gone.put(entry.getKey(), ProcessUsage.missing(pid, e.getMessage()));
            }
        }
        if (first) {
            pause();
        }
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> usage.put(name, gone.containsKey(name) ? gone.get(name)
                : usage(pid, before.get(name))));
        return usage;
    }

    /** Measures one process. */
    public ProcessUsage measure(long pid) {
        return measure(Map.of("pid", pid)).get("pid");
    }

    private ProcessUsage usage(long pid, ProcessSample before) {
        ProcessSample now;
        try {
            now = proc.read(pid);
        } catch (ProcFiles.Unreadable e) {
            previous.remove(pid);
            return ProcessUsage.missing(pid, e.getMessage());
        }
        previous.put(pid, now);
        double memory = (double) now.rssBytes() / now.memTotalBytes();
        if (before == null || !now.sameProcessAs(before) || now.nanoTime() <= before.nanoTime()) {
            return new ProcessUsage(pid, now.rssBytes(), memory, null,
                    "cpu_percent needs two readings of process " + pid + "; the next measurement has it");
        }
        double cpuSeconds = (double) (now.cpuTicks() - before.cpuTicks()) / ProcFiles.USER_HZ;
        double elapsed = (now.nanoTime() - before.nanoTime()) / 1e9;
        double cpu = Math.min(1.0, cpuSeconds / elapsed / cpus);
        return new ProcessUsage(pid, now.rssBytes(), memory, cpu, null);
    }

    private void pause() {
        try {
            Thread.sleep(minInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RewindException(ErrorCode.FAILED, "interrupted while measuring process CPU", e);
        }
    }
}


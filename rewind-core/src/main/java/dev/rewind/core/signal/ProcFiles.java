package dev.rewind.core.signal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a process's numbers from a Linux {@code /proc}. */
final class ProcFiles {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times (USER_HZ): 100 on every mainstream Linux. */
    static final long USER_HZ = 100;

    private final Path proc;

    ProcFiles(Path proc) {
        this.proc = proc;
    }

    /** Reads the process now; throws {@link Unreadable} with the reason when it cannot. */
    ProcessSample read(long pid) {
        if (!Files.isDirectory(proc.resolve("self"))) {
            throw new Unreadable("there is no " + proc + " here: process stats need Linux");
        }
        Path dir = proc.resolve(Long.toString(pid));
        String stat = text(pid, dir.resolve("stat"));
        String status = text(pid, dir.resolve("status"));
        long memTotal = kib(text(pid, proc.resolve("meminfo")), "MemTotal:", proc.resolve("meminfo"));
        if (!status.contains("VmRSS:")) {
            throw new Unreadable("process " + pid + " has no resident memory (a zombie, or a kernel thread)");
        }
        long[] times = cpuTimes(stat, dir.resolve("stat"));
        return new ProcessSample(pid, times[1], times[0], kib(status, "VmRSS:", dir.resolve("status")), memTotal,
                System.nanoTime());
    }

    /** utime + stime, and starttime, of a {@code stat} line (fields 14, 15 and 22 of proc(5)). */
    private static long[] cpuTimes(String stat, Path file) {
        try {
            // after the command name, which is in parentheses and may hold spaces: field 3 (state) onwards
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return new long[] {Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]),
                Long.parseLong(fields[22 - 3])};
        } catch (RuntimeException e) {
            throw new Unreadable("cannot read the CPU times in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(long pid, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no process " + pid + " (it has exited, or the pid is wrong)", e);
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The value of a {@code Key:   123 kB} line, in bytes. */
    private static long kib(String text, String key, Path file) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) {
                String value = line.substring(key.length()).trim().split("\\s+")[0];
                try {
                    return Long.parseLong(value) * 1024;
                } catch (NumberFormatException e) {
                    throw new Unreadable(file + " has a " + key + " line that is not a number of kB: " + line, e);
                }
            }
        }
        throw new Unreadable(file + " has no " + key + " line");
    }

    /** Why a process could not be read; the message is the reason a rule shows. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason);
        }

        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}

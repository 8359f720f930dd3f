package dev.rewind.core.driver;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process Rewind started for a component, as recorded in {@code .rewind/run/<env>/<component>.json}. The
 * rollback's verification reads the new version's output from {@link #logFile()} starting at {@link #logOffset()}.
 *
 * @param pid          the process id; the process leads its own session and process group
 * @param processStart when the operating system started it, to tell it from a later process with the same pid
 * @param version      the version it runs
 * @param command      the start command as given to {@code sh -c}
 * @param startedAt    when Rewind started it
 * @param logFile      the file its stdout and stderr are appended to
 * @param logOffset    the size of the log file before it started: its own output begins at this byte
 */
public record RunningProcess(long pid, Instant processStart, String version, String command, Instant startedAt,
                             @JsonSerialize(using = ToStringSerializer.class) Path logFile, long logOffset) {

    /** How far two reads of one process's start time may differ (the JDK derives it from the boot time in seconds). */
    private static final Duration SAME_START = Duration.ofSeconds(1);

    /** The process recorded for the context's component, whether or not it still runs; empty when none is. */
    public static Optional<RunningProcess> read(DriverContext context) {
        Path file = DriverFiles.pidFile(context);
        return AtomicFiles.read(file).map(text -> parse(file, text));
    }

    /** The process, if it is still alive: the same pid started at the same time. */
    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid).filter(Liveness::running).filter(this::startedWith);
    }

    /** Whether the process still runs. */
    @JsonIgnore
    public boolean isAlive() {
        return handle().isPresent();
    }

    void write(DriverContext context) {
        AtomicFiles.write(DriverFiles.pidFile(context), Json.write(this));
    }

    static void delete(DriverContext context) {
        AtomicFiles.delete(DriverFiles.pidFile(context));
    }

    private boolean startedWith(ProcessHandle process) {
        Optional<Instant> start = process.info().startInstant();
        return processStart == null || start.isEmpty()
                || Duration.between(processStart, start.get()).abs().compareTo(SAME_START) <= 0;
    }

    private static RunningProcess parse(Path file, String text) {
        try {
            return Json.mapper().readerFor(RunningProcess.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot read pid file " + file + ": it is not valid JSON"
                    + Failures.FIX + "stop the component's process by hand if it runs, then delete the file", e);
        }
    }
}

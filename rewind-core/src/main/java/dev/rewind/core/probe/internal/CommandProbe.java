package dev.rewind.core.probe.internal;

import dev.rewind.core.config.ProbeConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code command} probe: {@code sh -c COMMAND} in the project directory with the component's {@code env}; healthy
 * when it exits with the expected code in time. On timeout (or when stopped) the shell and all its children are
 * killed. The reason of a failure ends with the last line the command printed on stdout or stderr.
 */
public final class CommandProbe extends BoundedProbe {

    private static final Duration OUTPUT_WAIT = Duration.ofMillis(250);

    private final ProbeConfig.Command config;
    private final Path directory;
    private final Map<String, String> environment;

    public CommandProbe(String component, ProbeConfig.Command config, Path directory, Map<String, String> environment,
                        Clock clock) {
        super(component, clock);
        this.config = config;
        this.directory = directory;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public ProbeConfig.Command config() {
        return config;
    }

    @Override
    public String kind() {
        return "command";
    }

    @Override
    protected Outcome attempt(long startNanos) throws InterruptedException {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", config.command())
                    .directory(directory.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return Outcome.failed("cannot run sh -c " + config.command() + " in " + directory + ": " + e.getMessage());
        }
        OutputTail output = new OutputTail(process.getInputStream(), config.name());
        try {
            if (!process.waitFor(config.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                return Outcome.failed(Texts.timedOut(config.timeout()) + " (killed)" + lastLine(output));
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        int exit = process.exitValue();
        if (exit == config.exit()) {
            return Outcome.passed(exit, null);
        }
        String last = lastLine(output);
        return Outcome.failed("exit " + exit + " (expected " + config.exit() + ")" + (last.isEmpty() ? " with no output" : last),
                exit, null);
    }

    private static String lastLine(OutputTail output) throws InterruptedException {
        String line = Texts.lastLine(output.await(OUTPUT_WAIT));
        return line.isEmpty() ? "" : ": " + line;
    }

    /** Kills the shell and every process it started (children first found, then all at once). */
    private static void kill(Process process) {
        List<ProcessHandle> family = process.descendants().toList();
        process.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
    }
}

package dev.rewind.core.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code command} driver: the team's own {@code stop}, {@code activate}, {@code start} and {@code status}
 * scripts, run with {@code sh -c} to completion in {@code root} (or the project directory), with placeholders filled
 * in. Only {@code activate} is required; a missing optional command is a step that does nothing. The version last
 * activated is recorded for {@code {version}} in {@code start} and {@code stop}.
 */
final class CommandDriver implements ComponentDriver {

    private final DriverContext context;
    private final Path dir;
    private final CommandRunner runner;

    CommandDriver(DriverContext context) {
        this.context = context;
        this.dir = DriverFiles.root(context);
        this.runner = new CommandRunner(context);
    }

    @Override
    public String component() {
        return context.component();
    }

    @Override
    public Optional<String> checkRelease(String version) {
        return Optional.empty();
    }

    @Override
    public DriverAction stop() {
        return run("stop", context.config().stop(), activated(), null);
    }

    @Override
    public DriverAction activate(String version, String previousVersion) {
        DriverAction action = run("activate", context.config().activate(), version, previousVersion);
        AtomicFiles.write(DriverFiles.versionFile(context), version + "\n");
        return action;
    }

    @Override
    public DriverAction start() {
        return run("start", context.config().start(), activated(), null);
    }

    /** The last line the {@code status} command printed that is not blank. */
    @Override
    public Optional<String> activeVersion() {
        String status = context.config().status();
        if (status == null) {
            return Optional.empty();
        }
        CommandOutput output = runner.shell(Placeholders.fill(status, context, activated(), null), dir, fix("status"));
        return Optional.of(CommandRunner.lastLine(output)).filter(line -> !line.isEmpty());
    }



    private DriverAction run(String key, String command, String version, String previousVersion) {
        if (command == null) {
            return DriverAction.of("no " + key + " command; nothing to do");
        }
        CommandOutput output = runner.shell(Placeholders.fill(command, context, version, previousVersion), dir,
                fix(key));
        return new DriverAction("ran the " + key + " command (" + Failures.took(output.durationMillis()) + ")",
                List.of(output));
    }

    private String activated() {
        return AtomicFiles.read(DriverFiles.versionFile(context)).map(String::strip).orElse(null);
    }

    private String fix(String key) {
        return "run it by hand in " + dir + " to see why, and correct `" + key + "` in rewind.yaml";
    }
}

package dev.rewind.core.driver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code process} driver: one long-running process in {@code root} (or the project directory). There is nothing
 * to switch between versions; the active one is only recorded, for the log file name and {@link #activeVersion()}.
 */
final class ProcessDriver implements ComponentDriver {

    /** The version name of a component that was started before anything was activated. */
    private static final String UNVERSIONED = "unversioned";

    private final DriverContext context;
    private final Path workDir;
    private final ProcessLifecycle lifecycle;

    ProcessDriver(DriverContext context) {
        this.context = context;
        this.workDir = DriverFiles.root(context);
        this.lifecycle = new ProcessLifecycle(context, new CommandRunner(context));
    }

    @Override
    public String component() {
        return context.component();
    }

    @Override
    public Optional<String> checkRelease(String version) {
        return Files.isDirectory(workDir) ? Optional.empty()
                : Optional.of("working directory " + workDir + " is missing");
    }

    @Override
    public DriverAction stop() {
        return lifecycle.stop(workDir);
    }

    @Override
    public DriverAction activate(String version, String previousVersion) {
        if (activeVersion().filter(version::equals).isPresent()) {
            return DriverAction.of(version + " is already the active version");
        }
        AtomicFiles.write(DriverFiles.versionFile(context), version + "\n");
        return DriverAction.of("recorded " + version + " as the active version"
                + (previousVersion == null ? "" : " (was " + previousVersion + ")"));
    }

    @Override
    public DriverAction start() {
        return lifecycle.start(workDir, activeVersion().orElse(UNVERSIONED));
    }

    @Override
    public Optional<String> activeVersion() {
        return AtomicFiles.read(DriverFiles.versionFile(context)).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public List<Long> pids() {
        return lifecycle.pids();
    }

    @Override
    public Optional<Path> logFile() {
        return lifecycle.logFile();
    }
}

package dev.rewind.core.driver;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code releases} driver: {@code root/releases/<version>/} and the {@code root/current} link to the active one.
 * The process runs in the real directory of the active release, so a later switch of the link does not move it.
 */
final class ReleasesDriver implements ComponentDriver {

    private final DriverContext context;
    private final Path root;
    private final ReleaseLink link;
    private final ProcessLifecycle lifecycle;

    ReleasesDriver(DriverContext context) {
        this.context = context;
        this.root = DriverFiles.root(context);
        this.link = new ReleaseLink(root);
        this.lifecycle = new ProcessLifecycle(context, new CommandRunner(context));
    }

    @Override
    public String component() {
        return context.component();
    }

    @Override
    public Optional<String> checkRelease(String version) {
        return link.check(version);
    }

    @Override
    public DriverAction stop() {
        return lifecycle.stop(link.activeDir().orElse(root));
    }

    @Override
    public DriverAction activate(String version, String previousVersion) {
        return link.switchTo(version);
    }

    @Override
    public DriverAction start() {
        String version = activeVersion().orElseThrow(() -> new RewindException(ErrorCode.FAILED, context.component()
                + ": cannot start, " + root.resolve("current") + " does not exist (no release is active)"
                + Failures.FIX + "activate a release first: `rewind deploy " + context.environment() + " VERSION`"));
        Path dir = link.activeDir().orElseThrow(() -> new RewindException(ErrorCode.FAILED, context.component()
                + ": cannot start " + version + ", " + root.resolve("current") + " points to a missing directory"
                + Failures.FIX + "restore " + root.resolve("releases").resolve(version)
                + " or activate another release"));
        return lifecycle.start(dir, version);
    }

    @Override
    public Optional<String> activeVersion() {
        return link.activeVersion();
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

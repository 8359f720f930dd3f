package dev.rewind.core.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code systemd} driver: a unit that runs {@code root/current}, with releases as for the {@code releases}
 * driver. systemd supervises the process; Rewind runs {@code systemctl stop} and {@code systemctl start} around the
 * switch of the link.
 */
final class SystemdDriver implements ComponentDriver {

    private final DriverContext context;
    private final Path root;
    private final ReleaseLink link;
    private final CommandRunner runner;

    SystemdDriver(DriverContext context) {
        this.context = context;
        this.root = DriverFiles.root(context);
        this.link = new ReleaseLink(root);
        this.runner = new CommandRunner(context);
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
        return systemctl("stop");
    }

    @Override
    public DriverAction activate(String version, String previousVersion) {
        return link.switchTo(version);
    }

    @Override
    public DriverAction start() {
        return systemctl("start");
    }

    @Override
    public Optional<String> activeVersion() {
        return link.activeVersion();
    }



    private DriverAction systemctl(String verb) {
        String unit = context.config().unit();
        CommandOutput output = runner.tool(root, "look at `systemctl status " + unit + "` and `journalctl -u " + unit
                + "`", "systemctl", verb, unit);
        return new DriverAction("systemctl " + verb + " " + unit + " (" + Failures.took(output.durationMillis()) + ")",
                List.of(output));
    }
}

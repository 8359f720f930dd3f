package dev.rewind.core.driver;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code compose} driver: a {@code docker compose} service whose version is its image tag. Activating pins the
 * tag in the environment's override file; stop and start are {@code docker compose stop} and {@code up -d --no-build}
 * with the base file and the override. Nothing is ever rebuilt.
 */
final class ComposeDriver implements ComponentDriver {

    private static final List<String> BASE_FILES =
            List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

    private final DriverContext context;
    private final CommandRunner runner;
    private final ComposeOverride override;

    ComposeDriver(DriverContext context) {
        this.context = context;
        this.runner = new CommandRunner(context);
        this.override = new ComposeOverride(DriverFiles.composeOverride(context));
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
        return compose("stop", "stop", service());
    }

    @Override
    public DriverAction activate(String version, String previousVersion) {
        String image = context.config().image() + ":" + version;
        return override.pin(service(), image)
                ? DriverAction.of("pinned " + service() + " to " + image + " in " + override.file())
                : DriverAction.of(service() + " is already pinned to " + image);
    }

    @Override
    public DriverAction start() {
        return compose("start", "up", "-d", "--no-build", service());
    }

    /** The tag the service is pinned to in the override file. */
    @Override
    public Optional<String> activeVersion() {
        return override.image(service()).flatMap(ComposeDriver::tag);
    }



    private DriverAction compose(String what, String... args) {
        Path base = baseFile();
        List<String> argv = new ArrayList<>(List.of("compose", "-f", base.toString()));
        if (override.exists()) {
            argv.addAll(List.of("-f", override.file().toString()));
        }
        argv.addAll(List.of(args));
        String fix = "look at `docker compose -f " + base + " ps " + service() + "` and `docker compose -f " + base
                + " logs " + service() + "`";
        CommandOutput output = runner.tool(base.getParent(), fix, "docker", argv.toArray(String[]::new));
        return new DriverAction(what + " " + service() + " (" + Failures.took(output.durationMillis()) + ")",
                List.of(output));
    }

    private Path baseFile() {
        Path configured = context.config().composeFile();
        if (configured != null) {
            Path file = DriverFiles.resolve(context, configured);
            if (!Files.isRegularFile(file)) {
                throw new RewindException(ErrorCode.FAILED, context.component() + ": compose file " + file
                        + " is missing" + Failures.FIX + "correct `compose_file` in rewind.yaml");
            }
            return file;
        }
        Path dir = DriverFiles.root(context);
        return BASE_FILES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new RewindException(ErrorCode.FAILED, context.component() + ": no compose file in "
                        + dir + " (looked for " + String.join(", ", BASE_FILES) + ")"
                        + Failures.FIX + "set `compose_file` of the component in rewind.yaml"));
    }

    private String service() {
        return context.config().service();
    }

    private static Optional<String> tag(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? Optional.of(image.substring(colon + 1)) : Optional.empty();
    }
}

package dev.rewind.core.driver;

import java.nio.file.Path;

/** Where drivers find the component's directories and keep their own files under {@code .rewind/}. */
final class DriverFiles {

    private DriverFiles() {}

    /** {@code path} against the project directory unless it is absolute. */
    static Path resolve(DriverContext context, Path path) {
        return context.projectDir().resolve(path).toAbsolutePath().normalize();
    }

    /** The component's {@code root}, or the project directory when it has none. */
    static Path root(DriverContext context) {
        Path root = context.config().root();
        return resolve(context, root == null ? Path.of("") : root);
    }

    /** {@code .rewind/run/<env>/<component>.json}: the process Rewind started. */
    static Path pidFile(DriverContext context) {
        return runDir(context).resolve(context.component() + ".json");
    }

    /** {@code .rewind/run/<env>/<component>.version}: the active version of a {@code process} component. */
    static Path versionFile(DriverContext context) {
        return runDir(context).resolve(context.component() + ".version");
    }

    /** {@code .rewind/logs/<env>/<component>/<version>.log}: the output of the processes Rewind starts. */
    static Path logFile(DriverContext context, String version) {
        return context.rewindDir().resolve("logs").resolve(context.environment()).resolve(context.component())
                .resolve(version.replaceAll("[^A-Za-z0-9._-]", "_") + ".log").toAbsolutePath().normalize();
    }

    /** {@code .rewind/compose/<env>.override.yaml}: the image tags Rewind pins, shared by an environment's services. */
    static Path composeOverride(DriverContext context) {
        return context.rewindDir().resolve("compose").resolve(context.environment() + ".override.yaml")
                .toAbsolutePath().normalize();
    }

    private static Path runDir(DriverContext context) {
        return context.rewindDir().resolve("run").resolve(context.environment()).toAbsolutePath().normalize();
    }
}

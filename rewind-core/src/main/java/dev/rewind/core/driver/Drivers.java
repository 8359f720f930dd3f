package dev.rewind.core.driver;

/** Makes the driver a component's config names. */
public final class Drivers {

    private Drivers() {}

    /** The driver of {@code context.config().driver()} for the context's component. */
    public static ComponentDriver of(DriverContext context) {
        return switch (context.config().driver()) {
            case PROCESS -> new ProcessDriver(context);
            case RELEASES -> new ReleasesDriver(context);
            case GIT -> new GitDriver(context);
            case COMMAND -> new CommandDriver(context);
            case COMPOSE -> new ComposeDriver(context);
            case SYSTEMD -> new SystemdDriver(context);
        };
    }
}

package dev.rewind.core.config;

/** How a component's version is stopped, activated and started. Spelled in lower case in YAML. */
public enum Driver {
    PROCESS,
    RELEASES,
    GIT,
    COMMAND,
    COMPOSE,
    SYSTEMD;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

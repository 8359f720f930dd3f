package dev.rewind.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The whole {@code rewind.yaml}.
 *
 * @param project      the project's name, used in messages and reports
 * @param state        where the state store lives: a SQLite file (relative to the config file) or {@code postgresql://…}
 * @param backups      the directory backup sets are written to, relative to the config file
 * @param environments every environment by name, in file order
 */
public record RewindConfig(
        @Required String project,
        String state,
        Path backups,
        @Required Map<String, EnvironmentConfig> environments) {

    public static final String DEFAULT_STATE = ".rewind/state.db";
    public static final Path DEFAULT_BACKUPS = Path.of(".rewind/backups");

    public RewindConfig {
        state = state == null ? DEFAULT_STATE : state;
        backups = backups == null ? DEFAULT_BACKUPS : backups;
        environments = environments == null ? Map.of() : environments;
    }
}

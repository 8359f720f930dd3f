package dev.rewind.core.probe;

import dev.rewind.core.config.ComponentConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.ProbeConfig;
import dev.rewind.core.probe.internal.CommandProbe;
import dev.rewind.core.probe.internal.HttpProbe;
import dev.rewind.core.probe.internal.SqlProbe;
import dev.rewind.core.probe.internal.TcpProbe;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes runnable {@link Probe}s from an environment's config. Command probes run in the project directory with
 * their component's {@code env}; SQL probes use the environment's postgres datastores.
 *
 * <pre>{@code
 * List<Probe> probes = Probes.of(rewind.environment("production"), rewind.projectDir()).all();
 * }</pre>
 */
public final class Probes {

    private final EnvironmentConfig environment;
    private final Path projectDir;
    private final Clock clock;

    private Probes(EnvironmentConfig environment, Path projectDir, Clock clock) {
        this.environment = environment;
        this.projectDir = projectDir;
        this.clock = clock;
    }

    public static Probes of(EnvironmentConfig environment, Path projectDir) {
        return of(environment, projectDir, Clock.systemUTC());
    }

    /** @param clock gives each result its {@code at} */
    public static Probes of(EnvironmentConfig environment, Path projectDir, Clock clock) {
        return new Probes(environment, projectDir, clock);
    }

    /** Every probe of every component, in config order. */
    public List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        environment.components().forEach((name, component) ->
                component.probes().forEach(config -> probes.add(probe(name, config))));
        return List.copyOf(probes);
    }

    /** One probe of the named component (which need not be in the environment, e.g. a verify check's). */
    public Probe probe(String component, ProbeConfig config) {
        return switch (config) {
            case ProbeConfig.Http http -> new HttpProbe(component, http, clock);
            case ProbeConfig.Tcp tcp -> new TcpProbe(component, tcp, clock);
            case ProbeConfig.Command command -> new CommandProbe(component, command, projectDir, env(component), clock);
            case ProbeConfig.Sql sql -> new SqlProbe(component, sql, environment.datastores().get(sql.datastore()), clock);
        };
    }

    private Map<String, String> env(String component) {
        ComponentConfig config = environment.components().get(component);
        return config == null ? Map.of() : config.env();
    }
}

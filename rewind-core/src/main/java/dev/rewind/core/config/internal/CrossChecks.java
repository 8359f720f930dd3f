package dev.rewind.core.config.internal;

import dev.rewind.core.config.ComponentConfig;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.Driver;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.ProbeConfig;
import dev.rewind.core.config.RewindConfig;
import dev.rewind.core.config.RuleConfig;
import dev.rewind.core.config.VerifyConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that need the whole config: names that refer to each other, and what each driver requires. */
public final class CrossChecks {

    private static final Map<Driver, List<String>> DRIVER_KEYS = Map.of(
            Driver.PROCESS, List.of("start"),
            Driver.RELEASES, List.of("root", "start"),
            Driver.GIT, List.of("root", "start"),
            Driver.COMMAND, List.of("activate"),
            Driver.COMPOSE, List.of("service", "image"),
            Driver.SYSTEMD, List.of("root", "unit"));

    private final Binder binder;
    private final Problems problems;

    public CrossChecks(Binder binder, Problems problems) {
        this.binder = binder;
        this.problems = problems;
    }

    public void check(RewindConfig config) {
        if (config.environments().isEmpty()) {
            problems.add(binder.where(config, "environments"), "no environments are defined",
                    "add one under `environments:`, e.g. `production:` with its components");
        }
        config.environments().forEach(this::environment);
    }

    private void environment(String env, EnvironmentConfig config) {
        String path = "environments." + env;
        if (config.components().isEmpty()) {
            problems.add(binder.where(config, "components"), path + " has no components",
                    "add at least one component under `components:` with its driver");
        }
        config.components().forEach((name, component) -> component(path, name, component, config));
        for (String name : config.datastores().keySet()) {
            if (config.components().containsKey(name)) {
                problems.add(binder.where(config, "datastores"), "'" + name + "' in " + path + " is both a component and a datastore",
                        "rename one: `--only` takes both kinds of names and must know which is meant");
            }
        }
        Set<String> rules = new HashSet<>();
        for (RuleConfig rule : config.policy()) {
            if (!rules.add(rule.name())) {
                problems.add(binder.where(rule, "name"), "two policy rules in " + path + " are named '" + rule.name() + "'",
                        "give each rule its own name: decisions and reports refer to rules by name");
            }
        }
        for (VerifyConfig.SqlCheck check : config.verify().sql()) {
            postgresDatastore(check, check.datastore(), config, path + ".verify.sql");
        }
        checkDependencyCycles(path, config);
    }

    private void component(String envPath, String name, ComponentConfig component, EnvironmentConfig env) {
        String path = envPath + ".components." + name;
        for (String key : DRIVER_KEYS.get(component.driver())) {
            if (value(component, key) == null) {
                problems.add(binder.where(component, "driver"), "the " + component.driver() + " driver of " + path + " needs `" + key + "`",
                        "add `" + key + ": …` to the component, or choose another driver");
            }
        }
        for (String dependency : component.dependsOn()) {
            if (!env.components().containsKey(dependency)) {
                problems.add(binder.where(component, "depends_on"), path + " depends on '" + dependency + "', which is not a component of " + envPath,
                        Suggestions.closest(dependency, env.components().keySet()).map(s -> "did you mean `" + s + "`?")
                                .orElse("components here: " + String.join(", ", env.components().keySet())));
            }
        }
        for (ProbeConfig probe : component.probes()) {
            if (probe instanceof ProbeConfig.Sql sql) {
                postgresDatastore(sql, sql.datastore(), env, path + ".probes");
            }
        }
    }

    private void postgresDatastore(Object record, String name, EnvironmentConfig env, String path) {
        DatastoreConfig datastore = env.datastores().get(name);
        if (datastore == null) {
            problems.add(binder.where(record, "datastore"), path + " names datastore '" + name + "', which is not defined",
                    Suggestions.closest(name, env.datastores().keySet()).map(s -> "did you mean `" + s + "`?")
                            .orElse("define it under `datastores:` or use one of: " + String.join(", ", env.datastores().keySet())));
        } else if (!(datastore instanceof DatastoreConfig.Postgres)) {
            problems.add(binder.where(record, "datastore"), path + " names datastore '" + name + "', which is not a postgres database",
                    "SQL checks run on `postgres:` datastores only");
        }
    }

    private void checkDependencyCycles(String path, EnvironmentConfig env) {
        try {
            DependencyOrder.of(env.components());
        } catch (IllegalArgumentException cycle) {
            problems.add(binder.where(env, "components"), cycle.getMessage() + " in " + path,
                    "remove one `depends_on` entry so the components can start in order");
        }
    }

    private static Object value(ComponentConfig component, String key) {
        return switch (key) {
            case "root" -> component.root();
            case "start" -> component.start();
            case "activate" -> component.activate();
            case "service" -> component.service();
            case "image" -> component.image();
            case "unit" -> component.unit();
            default -> throw new IllegalArgumentException(key);
        };
    }
}

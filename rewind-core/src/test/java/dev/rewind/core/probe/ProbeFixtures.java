package dev.rewind.core.probe;

import dev.rewind.core.config.BodyExpression;
import dev.rewind.core.config.ComponentConfig;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.Driver;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.HttpExpect;
import dev.rewind.core.config.ProbeConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Config records for probe tests, built directly (as ConfigLoader would) with short timeouts. */
final class ProbeFixtures {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private ProbeFixtures() {}

    static ProbeConfig.Http http(URI url, String body) {
        return new ProbeConfig.Http(url, null, null, null, null, TIMEOUT,
                new HttpExpect(200, body == null ? null : new BodyExpression(body), null));
    }

    static ComponentConfig component(Map<String, String> env, ProbeConfig... probes) {
        return new ComponentConfig(Driver.PROCESS, null, "./run", null, null, null, null, env, null, null, null, null,
                null, null, null, null, List.of(probes));
    }

    static EnvironmentConfig environment(Map<String, ComponentConfig> components, Map<String, DatastoreConfig> datastores) {
        return new EnvironmentConfig(false, null, null, null, null, new LinkedHashMap<>(components), datastores, null, null,
                null, null, null, null);
    }

    /** One probe of component {@code backend} in an environment with no datastores. */
    static Probe probe(ProbeConfig config, Path dir) {
        return Probes.of(environment(Map.of(), Map.of()), dir).probe("backend", config);
    }

    /** Waits up to {@code limit} for the condition; the test asserts afterwards, so no timing is asserted here. */
    static void eventually(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}

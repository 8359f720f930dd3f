package dev.rewind.core.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.core.config.ComponentConfig;
import dev.rewind.core.config.ProbeConfig;
import dev.rewind.core.probe.ProbeResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code health} in a rule: per component, the parsed JSON body of its health probe: the first http probe whose
 * name or URL path contains "health", else its first http probe. Components without an http probe have none.
 */
final class HealthBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 120;

    private HealthBodies() {}

    /** Component → parsed body; every health probe without a usable body adds a line to {@code missing}. */
    static Map<String, Object> of(Map<String, ComponentConfig> components, List<ProbeResult> latest,
                                  List<String> missing) {
        Map<String, Object> health = new LinkedHashMap<>();
        components.forEach((component, config) -> healthProbe(config).ifPresent(probe -> {
            String where = "health." + component + ": no data (";
            Optional<ProbeResult> result = latest.stream()
                    .filter(r -> component.equals(r.component()) && probe.name().equals(r.probe()))
                    .findFirst();
            if (result.isEmpty()) {
                missing.add(where + "probe " + probe.name() + " has no result yet)");
            } else if (result.get().body() == null || result.get().body().isBlank()) {
                missing.add(where + "probe " + probe.name() + " got no body: " + result.get().reason() + ")");
            } else {
                try {
                    health.put(component, JsonValues.toJava(JSON.readTree(result.get().body())));
                } catch (JsonProcessingException e) {
                    missing.add(where + "the body of probe " + probe.name() + " is not JSON: "
                            + excerpt(result.get().body()) + ")");
                }
            }
        }));
        return health;
    }

    static Optional<ProbeConfig.Http> healthProbe(ComponentConfig component) {
        List<ProbeConfig.Http> http = component.probes().stream()
                .filter(ProbeConfig.Http.class::isInstance).map(ProbeConfig.Http.class::cast).toList();
        return http.stream().filter(HealthBodies::isHealth).findFirst().or(() -> http.stream().findFirst());
    }

    private static boolean isHealth(ProbeConfig.Http probe) {
        String path = probe.http().getPath() == null ? "" : probe.http().getPath();
        return (probe.name() + " " + path).toLowerCase(Locale.ROOT).contains("health");
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }
}

package dev.rewind.core.config.internal;

import dev.rewind.core.config.ComponentConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The order components start in: every component after the ones it depends on, otherwise file order. */
public final class DependencyOrder {

    private DependencyOrder() {}

    /** Component names in start order; throws IllegalArgumentException naming a dependency cycle. */
    public static List<String> of(Map<String, ComponentConfig> components) {
        List<String> order = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (String name : components.keySet()) {
            visit(name, components, order, visiting, new ArrayList<>());
        }
        return List.copyOf(order);
    }

    private static void visit(String name, Map<String, ComponentConfig> components, List<String> order,
                              Set<String> visiting, List<String> trail) {
        if (order.contains(name) || !components.containsKey(name)) {
            return;
        }
        trail.add(name);
        if (!visiting.add(name)) {
            throw new IllegalArgumentException("components depend on each other in a cycle: " + String.join(" → ", trail));
        }
        for (String dependency : components.get(name).dependsOn()) {
            visit(dependency, components, order, visiting, trail);
        }
        visiting.remove(name);
        trail.remove(trail.size() - 1);
        order.add(name);
    }
}

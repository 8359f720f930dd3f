package dev.rewind.core.config.internal;

import dev.rewind.core.config.ConfigProblem;
import dev.rewind.core.config.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found while loading, so all are reported at once, in file order. */
public final class Problems {

    private final List<ConfigProblem> list = new ArrayList<>();

    public void add(Location at, String message, String fix) {
        list.add(new ConfigProblem(at, message, fix));
    }

    public int count() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<ConfigProblem> sorted() {
        return list.stream()
                .sorted(Comparator.comparingInt((ConfigProblem p) -> p.location().line())
                        .thenComparingInt(p -> p.location().column()))
                .toList();
    }
}

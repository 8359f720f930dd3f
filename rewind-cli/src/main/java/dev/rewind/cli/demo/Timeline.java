package dev.rewind.cli.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The demo's moments, as offsets from its start. */
final class Timeline {

    private final long start = System.nanoTime();
    private final List<DemoResult.Moment> moments = new ArrayList<>();

    synchronized void mark(String event) {
        moments.add(new DemoResult.Moment(elapsed(), event));
    }

    synchronized List<DemoResult.Moment> moments() {
        return List.copyOf(moments);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

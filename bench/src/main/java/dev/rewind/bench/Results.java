package dev.rewind.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one run measured: every sample of every step, sizes, and what the live reader saw. */
final class Results {

    /**
     * One timing of a step.
     *
     * @param walBytes WAL that PostgreSQL wrote meanwhile, or -1 when not measured (a part of another sample)
     */
    record Sample(Duration time, long walBytes) {}

    private final Map<Step, List<Sample>> samples = new EnumMap<>(Step.class);
    private final Map<String, String> sizes = new LinkedHashMap<>();
    private final Map<String, LiveReader.Stats> readers = new LinkedHashMap<>();

    void add(Step step, Duration time, long walBytes) {
        samples.computeIfAbsent(step, s -> new ArrayList<>()).add(new Sample(time, walBytes));
        String label = step.ran().length() > 60 ? step.ran().substring(0, 57) + "..." : step.ran();
        Log.info(String.format("%-60s %s", label, Timed.format(time)));
    }

    /** The median of the step's samples (the lower middle one of an even count). */
    Duration time(Step step) {
        List<Duration> times = times(step);
        return times.get((times.size() - 1) / 2);
    }

    Duration min(Step step) {
        return times(step).getFirst();
    }

    Duration max(Step step) {
        return times(step).getLast();
    }

    int count(Step step) {
        return samples.getOrDefault(step, List.of()).size();
    }

    /** The median WAL bytes of the step's samples, or -1 when not measured. */
    long walBytes(Step step) {
        List<Long> wal = samples(step).stream().map(Sample::walBytes).filter(b -> b >= 0).sorted().toList();
        return wal.isEmpty() ? -1 : wal.get((wal.size() - 1) / 2);
    }

    boolean has(Step step) {
        return samples.containsKey(step);
    }

    void size(String what, String value) {
        sizes.put(what, value);
    }

    Map<String, String> sizes() {
        return sizes;
    }

    /** Adds what the live reader saw during one more sample of {@code during}. */
    void reader(String during, LiveReader.Stats stats) {
        readers.merge(during, stats, LiveReader.Stats::plus);
        Log.info("live reader during " + during + ": " + stats.describe());
    }

    Map<String, LiveReader.Stats> readers() {
        return readers;
    }

    private List<Sample> samples(Step step) {
        List<Sample> list = samples.get(step);
        if (list == null) {
            throw new IllegalStateException("not measured: " + step);
        }
        return list;
    }

    private List<Duration> times(Step step) {
        return samples(step).stream().map(Sample::time).sorted(Comparator.naturalOrder()).toList();
    }
}

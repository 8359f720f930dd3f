package dev.rewind.sampleapp;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counts and durations, written out in the Prometheus text format 0.0.4. Labels use normalised paths. */
public final class Metrics {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private record Key(String method, String path, int code) {}

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::path)
            .thenComparing(Key::method).thenComparingInt(Key::code);

    private final String version;
    private final Map<Key, LongAdder> requests = new ConcurrentSkipListMap<>(ORDER);
    private final Map<String, Histogram> durations = new ConcurrentSkipListMap<>();

    public Metrics(String version) {
        this.version = version;
    }

    public void record(String method, String path, int code, Duration took) {
        requests.computeIfAbsent(new Key(method, path, code), k -> new LongAdder()).increment();
        durations.computeIfAbsent(path, p -> new Histogram()).observe(took.toNanos() / 1e9);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        header(out, "http_requests_total", "counter",
                "HTTP requests answered, by method, normalised path and status code.");
        requests.forEach((k, n) -> out.append("http_requests_total{method=\"").append(escape(k.method()))
                .append("\",path=\"").append(escape(k.path())).append("\",code=\"").append(k.code())
                .append("\"} ").append(n.sum()).append('\n'));
        header(out, "http_request_duration_seconds", "histogram", "Time from receiving a request to answering it.");
        durations.forEach((path, h) -> h.render(out, "http_request_duration_seconds", "path=\"" + escape(path) + "\""));
        header(out, "sampleapp_info", "gauge", "The running version of the sample app.");
        out.append("sampleapp_info{version=\"").append(escape(version)).append("\"} 1\n");
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** Escapes a label value as the format requires: backslash, double quote and newline. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

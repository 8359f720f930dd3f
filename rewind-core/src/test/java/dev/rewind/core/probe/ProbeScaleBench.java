package dev.rewind.core.probe;

import com.sun.net.httpserver.HttpServer;
import dev.rewind.core.config.BodyExpression;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.config.HttpExpect;
import dev.rewind.core.config.ProbeConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scale check of {@link ProbeRunner} (a runnable main, not a test): N HTTP probes (default 2,000) at a 1 s interval
 * against a real JDK HTTP server in the same JVM, for S seconds (default 20), each with a CEL body assertion. Prints
 * the scheduling lag (actual start − planned start) for each of the first 5 seconds (a cold JVM: class loading and JIT
 * on the same 2 cores), for the steady state after them, and for the whole run.
 *
 * <pre>
 * ./mvnw -q -pl rewind-core test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp rewind-core/target/test-classes:rewind-core/target/classes:$(cat /tmp/cp.txt) dev.rewind.core.probe.ProbeScaleBench 2000 20
 * </pre>
 */
public final class ProbeScaleBench {

    private static final byte[] HEALTHY = "{\"status\":\"ok\",\"checks\":{\"db\":\"ok\"}}".getBytes(StandardCharsets.UTF_8);
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private ProbeScaleBench() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Duration length = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/health", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, HEALTHY.length);
                out.write(HEALTHY);
            }
        });
        server.setExecutor(handlers);
        server.start();
        try {
            run(count, length, server.getAddress().getPort());
        } finally {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    private static void run(int count, Duration length, int port) throws InterruptedException, IOException {
        List<Probe> probes = probes(count, port);
        LongAdder failed = new LongAdder();
        List<String> samples = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%d HTTP probes at 1s for %ds on %d cores (%s %s)%n", count, length.toSeconds(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), Runtime.version());
        long start = System.nanoTime();
        SchedulingLag all;
        try (ProbeRunner runner = new ProbeRunner(probes, result -> {
            if (!result.ok()) {
                failed.increment();
                synchronized (samples) {
                    if (samples.size() < 3) {
                        samples.add(result.reason());
                    }
                }
            }
        }).start()) {
            long cpu = cpuNanos();
            for (int second = 1; second <= WARM_UP.toSeconds(); second++) {
                Thread.sleep(Duration.ofSeconds(1));
                cpu = window("second " + (second - 1) + "-" + second, runner, cpu, Duration.ofSeconds(1));
            }
            Duration rest = length.minus(WARM_UP);
            Thread.sleep(rest);
            window("steady, seconds " + WARM_UP.toSeconds() + "-" + length.toSeconds(), runner, cpu, rest);
            all = runner.lag();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        print("whole run", all);
        System.out.printf(Locale.ROOT, "checks: %d (%.0f/s), failed: %d %s%n", all.samples(), all.samples() / seconds,
                failed.sum(), samples);
        System.out.printf(Locale.ROOT, "load average of the machine: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Prints the lag since the previous window and this process's CPU use over it; returns the CPU time now. */
    private static long window(String label, ProbeRunner runner, long cpuBefore, Duration length) {
        SchedulingLag lag = runner.lagWindow();
        long cpu = cpuNanos();
        print(String.format(Locale.ROOT, "%s, CPU %3.0f%% of one core", label, 100.0 * (cpu - cpuBefore) / length.toNanos()), lag);
        return cpu;
    }

    /** CPU time of the whole process (all threads, JIT included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void print(String label, SchedulingLag lag) {
        System.out.printf(Locale.ROOT, "scheduling lag, %s, %d checks: p50 %.2fms  p99 %.2fms  max %.2fms%n", label,
                lag.samples(), lag.p50().toNanos() / 1e6, lag.p99().toNanos() / 1e6, lag.max().toNanos() / 1e6);
    }

    private static List<Probe> probes(int count, int port) {
        EnvironmentConfig environment = ProbeFixtures.environment(Map.of(), Map.of());
        Probes factory = Probes.of(environment, Path.of(""));
        List<Probe> probes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            var config = new ProbeConfig.Http(URI.create("http://127.0.0.1:" + port + "/health?target=" + i), null, null,
                    null, Duration.ofSeconds(1), Duration.ofSeconds(5),
                    new HttpExpect(200, new BodyExpression("json.status == \"ok\" && json.checks.db == \"ok\""),
                            Duration.ofSeconds(2)));
            probes.add(factory.probe("service-" + (i % 50), config));
        }
        return probes;
    }
}

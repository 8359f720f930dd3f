package dev.rewind.core.probe;

import static dev.rewind.core.probe.ProbeFixtures.eventually;
import static dev.rewind.core.probe.ProbeFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.config.HostPort;
import dev.rewind.core.config.HttpExpect;
import dev.rewind.core.config.ProbeConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeRunnerTest {

    private static final Duration LONG_INTERVAL = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final TestHttpServer server = TestHttpServer.start();
    private final List<ProbeResult> results = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void failuresAreRetriedQuicklyAndCountedUntilASuccessResetsThem() throws Exception {
        server.answer(503, "{\"status\":\"down\"}");
        List<Integer> consecutive = new CopyOnWriteArrayList<>();
        AtomicReference<ProbeRunner> self = new AtomicReference<>();

        try (ProbeRunner runner = new ProbeRunner(List.of(probe(http(LONG_INTERVAL), dir)), result -> {
            results.add(result);
            consecutive.add(self.get().state().get(0).consecutiveFailures());
        }, Duration.ofMillis(200))) {
            self.set(runner);
            runner.start();
            eventually(WAIT, () -> results.size() >= 3);
            server.answer(200, "{\"status\":\"ok\"}");
            eventually(WAIT, () -> !results.isEmpty() && results.getLast().ok());

            ProbeState state = runner.state().get(0);
            assertThat(consecutive).startsWith(1, 2, 3).endsWith(0);
            assertThat(results.getLast().ok()).isTrue();
            assertThat(state.consecutiveFailures()).isZero();
            assertThat(state.checks()).isEqualTo(results.size());
            assertThat(state.failures()).isEqualTo(results.size() - 1);
            assertThat(state.last()).isEqualTo(results.getLast());
            assertThat(state.component()).isEqualTo("backend");
            assertThat(state.kind()).isEqualTo("http");
        }
    }

    @Test
    void theRetryIsNeverLongerThanTheInterval() throws Exception {
        server.answer(500, "");

        try (ProbeRunner runner = new ProbeRunner(List.of(probe(http(Duration.ofMillis(100)), dir)), results::add,
                Duration.ofMinutes(5)).start()) {
            eventually(WAIT, () -> results.size() >= 3);

            assertThat(runner.state().get(0).consecutiveFailures()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void everyResultReachesTheListenerAndTheSnapshotCountsThem() throws Exception {
        int closedPort = closedPort();
        Probe healthy = probe(http(Duration.ofMillis(100)), dir);
        Probe refused = probe(new ProbeConfig.Tcp(new HostPort("127.0.0.1", closedPort), "db-port",
                Duration.ofMillis(100), Duration.ofSeconds(1)), dir);

        ProbeRunner runner = new ProbeRunner(List.of(healthy, refused), results::add, Duration.ofMillis(50)).start();
        try {
            eventually(WAIT, () -> runner.state().stream().allMatch(s -> s.checks() >= 3));
        } finally {
            runner.close();
        }
        List<ProbeState> state = runner.state();

        assertThat(state).extracting(ProbeState::probe).containsExactly(server.url("/health").toString(), "db-port");
        assertThat(state.get(0).checks()).isGreaterThanOrEqualTo(3);
        assertThat(state.get(0).failures()).isZero();
        assertThat(state.get(1).failures()).isEqualTo(state.get(1).checks());
        assertThat(state.get(1).last().reason()).startsWith("connection refused to 127.0.0.1:" + closedPort);
        assertThat(results).hasSize((int) (state.get(0).checks() + state.get(1).checks()));
        assertThat(runner.lag().samples()).isGreaterThanOrEqualTo(results.size());
    }

    @Test
    void aFailingListenerDoesNotStopProbing() throws Exception {
        try (ProbeRunner runner = new ProbeRunner(List.of(probe(http(Duration.ofMillis(50)), dir)), result -> {
            results.add(result);
            throw new IllegalStateException("listener bug");
        }).start()) {
            eventually(WAIT, () -> results.size() >= 3);

            assertThat(runner.state().get(0).checks()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void closeStopsEveryThreadAndKillsRunningCommands() throws Exception {
        Path pid = dir.resolve("sleep.pid");
        Probe hanging = probe(new ProbeConfig.Command("sleep 60 & echo $! > sleep.pid; wait", "hang", null,
                LONG_INTERVAL, Duration.ofSeconds(30)), dir);
        ProbeRunner runner = new ProbeRunner(List.of(hanging, probe(http(Duration.ofMillis(50)), dir)), results::add).start();
        eventually(WAIT, () -> Files.exists(pid) && results.size() >= 2);

        runner.close();
        int afterClose = results.size();
        long sleeper = Long.parseLong(Files.readString(pid).strip());
        eventually(Duration.ofSeconds(5), () -> ProcessHandle.of(sleeper).filter(ProcessHandle::isAlive).isEmpty());
        Thread.sleep(300);

        assertThat(ProcessHandle.of(sleeper).filter(ProcessHandle::isAlive)).as("the command's child").isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("rewind-probe-scheduler");
        assertThat(results).hasSize(afterClose);
        assertThat(runner.state().get(0).checks()).as("the interrupted check is not counted").isZero();
        assertThatThrownBy(runner::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private ProbeConfig.Http http(Duration interval) {
        return new ProbeConfig.Http(server.url("/health"), null, null, null, interval, Duration.ofSeconds(2),
                new HttpExpect(200, null, null));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.rewind.core.probe;

import static dev.rewind.core.probe.ProbeFixtures.component;
import static dev.rewind.core.probe.ProbeFixtures.environment;
import static dev.rewind.core.probe.ProbeFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.config.HostPort;
import dev.rewind.core.config.ProbeConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcpAndCommandProbeTest {

    @TempDir
    Path dir;

    @Test
    void tcpPassesWhenSomethingListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            ProbeResult result = probe(tcp(socket.getLocalPort()), dir).check();

            assertThat(result.ok()).as(result.reason()).isTrue();
            assertThat(result.kind()).isEqualTo("tcp");
            assertThat(result.probe()).isEqualTo("127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void tcpRefusedNamesTheTarget() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        ProbeResult result = probe(tcp(port), dir).check();

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).isEqualTo("connection refused to 127.0.0.1:" + port + " (nothing listening there)");
    }

    @Test
    void tcpUnknownHost() {
        var config = new ProbeConfig.Tcp(new HostPort("no-such-host.invalid", 80), null, null, Duration.ofSeconds(2));

        ProbeResult result = probe(config, dir).check();

        assertThat(result.reason()).startsWith("unknown host no-such-host.invalid");
    }

    @Test
    void aCommandThatExitsAsExpectedPasses() {
        ProbeResult result = probe(command("echo fine", null, Duration.ofSeconds(5)), dir).check();

        assertThat(result.ok()).as(result.reason()).isTrue();
        assertThat(result.status()).isZero();
        assertThat(result.kind()).isEqualTo("command");
    }

    @Test
    void aNonZeroExitShowsTheLastLineOfOutput() {
        var config = command("echo starting; echo 'db: connection refused' >&2; echo; exit 3", null, Duration.ofSeconds(5));

        ProbeResult result = probe(config, dir).check();

        assertThat(result.ok()).isFalse();
        assertThat(result.status()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo("exit 3 (expected 0): db: connection refused");
    }

    @Test
    void anExpectedNonZeroExitPassesAndSilenceIsSaid() {
        assertThat(probe(command("exit 2", 2, Duration.ofSeconds(5)), dir).check().ok()).isTrue();
        assertThat(probe(command("exit 1", null, Duration.ofSeconds(5)), dir).check().reason())
                .isEqualTo("exit 1 (expected 0) with no output");
    }

    @Test
    void aCommandRunsInTheProjectDirectoryWithItsComponentsEnv() throws IOException {
        Files.writeString(dir.resolve("marker"), "here");
        var config = command("test \"$(cat marker)\" = here && test \"$PORT\" = 3001", null, Duration.ofSeconds(5));
        var env = environment(Map.of("backend", component(Map.of("PORT", "3001"), config)), Map.of());

        ProbeResult result = Probes.of(env, dir).all().get(0).check();

        assertThat(result.ok()).as(result.reason()).isTrue();
    }

    @Test
    void aCommandThatHangsIsKilledWithItsChildren() throws Exception {
        Path pid = dir.resolve("sleep.pid");
        var config = command("echo waiting; sleep 30 & echo $! > sleep.pid; wait", null, Duration.ofMillis(500));

        ProbeResult result = probe(config, dir).check();

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).isEqualTo("timed out after 500ms (killed): waiting");
        long sleeper = Long.parseLong(Files.readString(pid).strip());
        ProbeFixtures.eventually(Duration.ofSeconds(5), () -> ProcessHandle.of(sleeper).map(p -> !p.isAlive()).orElse(true));
        assertThat(ProcessHandle.of(sleeper).filter(ProcessHandle::isAlive)).isEmpty();
    }

    private static ProbeConfig.Tcp tcp(int port) {
        return new ProbeConfig.Tcp(new HostPort("127.0.0.1", port), null, null, Duration.ofSeconds(2));
    }

    private static ProbeConfig.Command command(String command, Integer exit, Duration timeout) {
        return new ProbeConfig.Command(command, null, exit, null, timeout);
    }
}

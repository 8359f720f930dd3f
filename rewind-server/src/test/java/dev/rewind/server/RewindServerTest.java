package dev.rewind.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping the server. */
class RewindServerTest {

    @TempDir
    Path dir;

    @Test
    void aPortInUseIsAUsageErrorNamingIt() {
        try (TestServer first = new TestServer(dir)) {
            int port = first.server.port();

            assertThatThrownBy(() -> RewindServer.start(first.rewind, new ServerOptions("127.0.0.1", port, "1.2.3")))
                    .isInstanceOf(RewindException.class)
                    .hasMessageContainingAll("cannot listen on 127.0.0.1:" + port + ": port " + port + " is in use or not allowed",
                            "choose another --port")
                    .hasMessageNotContaining("--bind")
                    .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.USAGE));
        }
    }

    @Test
    void anAddressNotOfThisHostIsAUsageErrorPointingAtBind() {
        try (TestServer first = new TestServer(dir)) {
            assertThatThrownBy(() -> RewindServer.start(first.rewind, new ServerOptions("192.0.2.1", 0, "1.2.3")))
                    .isInstanceOf(RewindException.class)
                    .hasMessageStartingWith("cannot listen on 192.0.2.1:0: ")
                    .hasMessageContaining("fix: check --bind")
                    .hasMessageNotContaining("in use")
                    .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.USAGE));
        }
    }

    @Test
    void aHostNameThatDoesNotResolveIsAUsageErrorPointingAtBind() {
        try (TestServer first = new TestServer(dir)) {
            assertThatThrownBy(() -> RewindServer.start(first.rewind, new ServerOptions("no-such-host.invalid", 0, "1.2.3")))
                    .hasMessageContainingAll("cannot listen on no-such-host.invalid:0: no address is known for"
                            + " no-such-host.invalid", "fix: check --bind");
        }
    }
}

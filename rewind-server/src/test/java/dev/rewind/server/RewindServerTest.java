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
                    .hasMessageContainingAll("cannot listen on 127.0.0.1:" + port, "choose another --port")
                    .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.USAGE));
        }
    }
}

package dev.rewind.sampleapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsParserTest {

    private static Options parse(String... args) {
        return OptionsParser.parse(List.of(args));
    }

    @Test
    void defaults() {
        Options o = parse("--version", "v2");
        assertThat(o.version()).isEqualTo("v2");
        assertThat(o.major()).isEqualTo(2);
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.db()).isEmpty();
        assertThat(o.files()).isEmpty();
        assertThat(o.failRate()).isZero();
        assertThat(o.latency()).isEqualTo(Duration.ZERO);
        assertThat(o.healthFailAfter()).isEmpty();
        assertThat(o.crashAfter()).isEmpty();
        assertThat(o.noStart()).isFalse();
    }

    @Test
    void readsEveryFlagInBothForms() {
        Options o = parse("--version=1.4.0", "--port", "0", "--host", "0.0.0.0",
                "--db", "jdbc:postgresql://localhost:5432/shop?user=postgres", "--files=/tmp/f",
                "--fail-rate", "0.3", "--latency", "800ms", "--health-fail-after", "1.5s", "--crash-after=2m",
                "--no-start");
        assertThat(o.major()).isEqualTo(1);
        assertThat(o.port()).isZero();
        assertThat(o.host()).isEqualTo("0.0.0.0");
        assertThat(o.db()).contains("jdbc:postgresql://localhost:5432/shop?user=postgres");
        assertThat(o.files()).contains(Path.of("/tmp/f"));
        assertThat(o.failRate()).isEqualTo(0.3);
        assertThat(o.latency()).isEqualTo(Duration.ofMillis(800));
        assertThat(o.healthFailAfter()).contains(Duration.ofMillis(1500));
        assertThat(o.crashAfter()).contains(Duration.ofMinutes(2));
        assertThat(o.noStart()).isTrue();
    }

    @Test
    void majorIsTheFirstIntegerAndCapsTheSchemaAtThree() {
        assertThat(parse("--version", "release-12.1").major()).isEqualTo(12);
        assertThat(parse("--version", "release-12.1").schemaVersion()).isEqualTo(3);
        assertThat(parse("--version", "v0").schemaVersion()).isZero();
    }

    @Test
    void badFlagsNameTheFlagAndTheExpectedForm() {
        assertThatThrownBy(() -> parse("--port", "80"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--version is required");
        assertThatThrownBy(() -> parse("--version", "latest"))
                .hasMessageContaining("--version expects a version containing a number");
        assertThatThrownBy(() -> parse("--version", "v1", "--port", "http"))
                .hasMessage("--port expects a port number from 0 to 65535 (0 picks a free port), got \"http\"");
        assertThatThrownBy(() -> parse("--version", "v1", "--port", "70000")).hasMessageContaining("--port expects");
        assertThatThrownBy(() -> parse("--version", "v1", "--fail-rate", "1.5"))
                .hasMessageContaining("--fail-rate expects a share from 0 to 1");
        assertThatThrownBy(() -> parse("--version", "v1", "--latency", "800"))
                .hasMessageContaining("--latency expects a duration like 800ms, 5s or 2m, got \"800\"");
        assertThatThrownBy(() -> parse("--version", "v1", "--db", "postgres://x"))
                .hasMessageContaining("--db expects a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> parse("--version", "v1", "--crash-after"))
                .hasMessageContaining("--crash-after needs a value");
        assertThatThrownBy(() -> parse("--version", "v1", "--colour", "red"))
                .hasMessageContaining("unknown flag --colour");
    }

    @Test
    void durationsReadAndWriteTheirShortForm() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.format(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
    }
}

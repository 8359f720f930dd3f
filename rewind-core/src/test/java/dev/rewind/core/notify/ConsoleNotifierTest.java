package dev.rewind.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleNotifierTest {

    @TempDir
    Path project;
    private final List<String> printed = new CopyOnWriteArrayList<>();

    @Test
    void withNoNotifierConfiguredAnnouncementsGoToTheConsole() {
        try (Notifiers notifiers = Notifiers.of("production", NotifyFixture.env(""), project, printed::add)) {
            notifiers.announce(NotifyFixture.rollbackStarted());

            assertThat(printed).containsExactly(Messages.builtIn().render(NotifyFixture.rollbackStarted()));
            assertThat(notifiers.flush(Duration.ofSeconds(1))).singleElement().satisfies(delivery -> {
                assertThat(delivery.notifier()).isEqualTo("console");
                assertThat(delivery.event()).isEqualTo(Announcement.Event.ROLLBACK_STARTED);
                assertThat(delivery.ok()).isTrue();
            });
        }
    }

    @Test
    void consoleFalseAloneSendsNowhere() {
        try (Notifiers notifiers = Notifiers.of("production", NotifyFixture.env("- console: false"), project, printed::add)) {
            notifiers.announce(NotifyFixture.rollbackStarted());

            assertThat(notifiers.flush(Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(printed).isEmpty();
    }

    @Test
    void aFailingConsoleIsAFailedDeliveryNotAnException() {
        try (Notifiers notifiers = Notifiers.of("production", NotifyFixture.env("- console: true"), project,
                text -> { throw new IllegalStateException("stdout is closed"); })) {
            assertThatCode(() -> notifiers.announce(NotifyFixture.rollbackStarted())).doesNotThrowAnyException();

            assertThat(notifiers.flush(Duration.ofSeconds(1))).singleElement().satisfies(delivery -> {
                assertThat(delivery.ok()).isFalse();
                assertThat(delivery.error()).isEqualTo("stdout is closed");
            });
        }
    }
}

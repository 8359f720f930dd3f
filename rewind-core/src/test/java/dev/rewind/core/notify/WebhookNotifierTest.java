package dev.rewind.core.notify;

import static dev.rewind.core.notify.NotifyFixture.FAST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookNotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Consumer<String> NO_CONSOLE = text -> {};

    @TempDir
    Path project;
    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void eventsArriveInTheOrderAnnouncedWithTheDocumentedFields() throws Exception {
        try (Notifiers notifiers = notifiers(FAST, """
                - webhook: "%s"
                  headers: { Authorization: "Bearer t0k3n" }""".formatted(receiver.uri("/hook?key=secret")))) {
            notifiers.announce(NotifyFixture.rollbackStarted());
            notifiers.announce(NotifyFixture.stepDone("restore db", Duration.ofMillis(2300)));
            notifiers.announce(NotifyFixture.stepDone("swap db", Duration.ofMillis(40)));
            notifiers.announce(NotifyFixture.rollbackCompleted());

            assertThat(notifiers.flush(Duration.ofSeconds(10)))
                    .allSatisfy(delivery -> {
                        assertThat(delivery.ok()).as(delivery.toString()).isTrue();
                        assertThat(delivery.attempts()).isEqualTo(1);
                        assertThat(delivery.notifier()).isEqualTo("webhook " + receiver.uri("/hook"));
                    })
                    .extracting(Delivery::event)
                    .containsExactly(Announcement.Event.ROLLBACK_STARTED, Announcement.Event.STEP_DONE,
                            Announcement.Event.STEP_DONE, Announcement.Event.ROLLBACK_COMPLETED);
        }

        Receiver.Request first = receiver.next();
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.headers().getFirst("Authorization")).isEqualTo("Bearer t0k3n");
        assertThat(first.headers().getFirst("Content-Type")).startsWith("application/json");
        JsonNode started = JSON.readTree(first.body());
        assertThat(started.get("schema").asText()).isEqualTo("rewind.event/v1");
        assertThat(started.get("event").asText()).isEqualTo("rollback.started");
        assertThat(started.get("environment").asText()).isEqualTo("production");
        assertThat(started.get("run_id").asText()).isEqualTo("r-42");
        assertThat(Instant.parse(started.get("at").asText())).isEqualTo(NotifyFixture.AT);
        assertThat(started.get("text").asText()).startsWith("ROLLBACK IN PROGRESS\nEnvironment: production\n");
        assertThat(started.get("values").get("current_version").asText()).isEqualTo("v2.0.1");
        assertThat(started.get("values").get("target_version").asText()).isEqualTo("v2.0.0");

        List<String> rest = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode event = JSON.readTree(receiver.next().body());
            rest.add(event.get("event").asText() + " " + event.get("text").asText());
        }
        assertThat(rest).containsExactly("step.done ✓ restore db 2.3s", "step.done ✓ swap db 40ms",
                "rollback.completed " + Messages.builtIn().render(NotifyFixture.rollbackCompleted()));
    }

    @Test
    void aFailingReceiverIsRetriedThenReportedWithItsStatus() throws Exception {
        receiver.answer(500, "database on fire");
        try (Notifiers notifiers = notifiers(FAST, "- webhook: \"%s\"".formatted(receiver.uri("/hook")))) {
            notifiers.announce(NotifyFixture.rollbackStarted());

            List<Delivery> deliveries = notifiers.flush(Duration.ofSeconds(10));

            assertThat(deliveries).singleElement().satisfies(delivery -> {
                assertThat(delivery.ok()).isFalse();
                assertThat(delivery.attempts()).isEqualTo(3);
                assertThat(delivery.error()).isEqualTo("HTTP 500: database on fire");
            });
        }
        for (int i = 0; i < 3; i++) {
            assertThat(JSON.readTree(receiver.next().body()).get("event").asText()).isEqualTo("rollback.started");
        }
        assertThat(receiver.waiting()).isZero();
    }

    @Test
    void announceReturnsBeforeTheReceiverAnswersAndASilentReceiverTimesOut() throws Exception {
        receiver.hold();
        Notifiers.Options impatient = new Notifiers.Options(Duration.ofMillis(300), 1, Duration.ZERO);
        try (Notifiers notifiers = notifiers(impatient, "- webhook: \"%s\"".formatted(receiver.uri("/hook")))) {
            notifiers.announce(NotifyFixture.rollbackStarted());

            assertThat(receiver.held()).as("announce returned while the answer is still held").isTrue();
            assertThat(receiver.next().path()).isEqualTo("/hook");
            assertThat(notifiers.flush(Duration.ofSeconds(10))).singleElement().satisfies(delivery -> {
                assertThat(delivery.ok()).isFalse();
                assertThat(delivery.attempts()).isEqualTo(1);
                assertThat(delivery.error()).isEqualTo("no answer within 300ms");
            });
        }
    }

    @Test
    void flushReportsADeliveryStillInFlightAndALaterFlushHowItEnded() throws Exception {
        receiver.hold();
        try (Notifiers notifiers = notifiers(FAST, "- webhook: \"%s\"".formatted(receiver.uri("/hook")))) {
            notifiers.announce(NotifyFixture.rollbackStarted());
            receiver.next();

            assertThat(notifiers.flush(Duration.ofMillis(50))).singleElement().satisfies(delivery -> {
                assertThat(delivery.ok()).isFalse();
                assertThat(delivery.error()).isEqualTo("still pending after 50ms");
            });

            receiver.release();
            assertThat(notifiers.flush(Duration.ofSeconds(10))).singleElement().satisfies(delivery -> assertThat(delivery.ok()).isTrue());
        }
    }

    @Test
    void anUnreachableReceiverIsAFailedDeliveryNotAnException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Notifiers.Options once = new Notifiers.Options(Duration.ofSeconds(2), 1, Duration.ZERO);
        try (Notifiers notifiers = notifiers(once, "- webhook: \"http://127.0.0.1:%d/hook\"".formatted(closedPort))) {
            notifiers.announce(NotifyFixture.rollbackStarted());

            assertThat(notifiers.flush(Duration.ofSeconds(10))).singleElement().satisfies(delivery -> {
                assertThat(delivery.ok()).isFalse();
                assertThat(delivery.error()).isEqualTo("cannot connect: connection refused");
            });
        }
    }

    private Notifiers notifiers(Notifiers.Options options, String notify) {
        return Notifiers.of("production", NotifyFixture.env(notify), project, NO_CONSOLE, options);
    }
}

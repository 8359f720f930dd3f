package dev.rewind.core.notify;

import static dev.rewind.core.notify.NotifyFixture.AT;
import static dev.rewind.core.notify.NotifyFixture.FAST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.core.notify.internal.SlackNotifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackNotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void postsValidBlockKit(@TempDir Path project) throws Exception {
        try (Receiver slack = Receiver.start();
             Notifiers notifiers = Notifiers.of("production", NotifyFixture.env("- slack: \"%s\"".formatted(slack.uri("/services/T0/B0/x"))),
                     project, text -> {}, FAST)) {
            notifiers.announce(NotifyFixture.rollbackStarted());

            assertThat(notifiers.flush(Duration.ofSeconds(10))).singleElement().satisfies(delivery -> {
                assertThat(delivery.ok()).isTrue();
                assertThat(delivery.notifier()).isEqualTo("slack");
            });
            JsonNode message = JSON.readTree(slack.next().body());

            assertValidBlockKit(message);
            assertThat(message.get("text").asText()).startsWith("<!channel> ROLLBACK IN PROGRESS\nEnvironment: production");
            JsonNode blocks = message.get("blocks");
            assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("ROLLBACK IN PROGRESS");
            assertThat(blocks.get(1).get("text").get("text").asText())
                    .startsWith("<!channel> Environment: production\nCurrent version: v2.0.1\nRolling back to: v2.0.0\n")
                    .contains("Reason: error rate 12% &gt; 10% for 10m");
            assertThat(blocks.get(2).get("elements").get(0).get("text").asText()).isEqualTo("Rewind · production · run r-42 · rollback.started");
        }
    }

    @Test
    void longMessagesAreCutToBlockKitsLimits(@TempDir Path project) throws Exception {
        Announcement failed = new Announcement(Announcement.Event.ROLLBACK_FAILED, "production", "r-42", AT, Map.of(
                "step", "restore db", "error", "x".repeat(5000), "resume_command", "rewind rollback production --resume r-42"));
        String text = "T".repeat(200) + "\n" + Messages.forProject(project).render(failed);

        JsonNode message = JSON.readTree(SlackNotifier.payload(failed, text));

        assertValidBlockKit(message);
        assertThat(message.get("blocks").get(0).get("text").get("text").asText()).hasSize(SlackNotifier.HEADER_LIMIT).endsWith("…");
        assertThat(message.get("blocks").get(1).get("text").get("text").asText()).hasSize(SlackNotifier.SECTION_LIMIT).endsWith("…");
    }

    @Test
    void aOneLineMessageHasNoSection() throws Exception {
        JsonNode message = JSON.readTree(SlackNotifier.payload(NotifyFixture.stepDone("stop api", Duration.ofMillis(120)), "✓ stop api 120ms"));

        assertValidBlockKit(message);
        assertThat(message.get("blocks")).extracting(block -> block.get("type").asText()).containsExactly("header", "context");
        assertThat(message.get("text").asText()).isEqualTo("✓ stop api 120ms");
    }

    /** What Slack checks: a text fallback, a plain_text header of at most 150, mrkdwn sections of 1–3000 characters. */
    private static void assertValidBlockKit(JsonNode message) {
        assertThat(message.get("text").asText()).isNotBlank();
        assertThat(message.get("blocks").isArray()).isTrue();
        for (JsonNode block : message.get("blocks")) {
            switch (block.get("type").asText()) {
                case "header" -> {
                    assertThat(block.get("text").get("type").asText()).isEqualTo("plain_text");
                    assertThat(block.get("text").get("text").asText()).isNotEmpty().hasSizeLessThanOrEqualTo(150);
                }
                case "section" -> {
                    assertThat(block.get("text").get("type").asText()).isEqualTo("mrkdwn");
                    assertThat(block.get("text").get("text").asText()).isNotEmpty().hasSizeLessThanOrEqualTo(3000);
                }
                case "context" -> assertThat(block.get("elements")).isNotEmpty()
                        .allSatisfy(element -> assertThat(element.get("type").asText()).isEqualTo("mrkdwn"));
                default -> throw new AssertionError("unexpected block " + block);
            }
        }
    }
}

package dev.rewind.core.notify;

import static dev.rewind.core.notify.NotifyFixture.AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.core.notify.Announcement.Event;
import dev.rewind.core.verify.VerifyCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesTest {

    private final Messages messages = Messages.builtIn();

    @Test
    void rollbackStartedIsTheRunbooksAnnouncement() {
        assertThat(messages.render(NotifyFixture.rollbackStarted())).isEqualTo("""
                ROLLBACK IN PROGRESS
                Environment: production
                Current version: v2.0.1
                Rolling back to: v2.0.0
                Reason: error rate 12% > 10% for 10m
                ETA: 1m
                Run: r-42""");
    }

    @Test
    void rollbackCompletedListsTheChecksAndTheNextSteps() {
        Announcement done = new Announcement(Event.ROLLBACK_COMPLETED, "production", "r-42", AT, Map.of(
                "target_version", "v2.0.0",
                "checks", List.of(new VerifyCheck("probe", "api", true, "200 in 35ms"),
                        new VerifyCheck("sql", "jobs-table", true, null)),
                "downtime", Duration.ofMillis(4200),
                "kept", List.of("database shop__rewind_r-42", "directory uploads.rewind-r-42")));

        assertThat(messages.render(done)).isEqualTo("""
                ROLLBACK COMPLETE
                Environment: production
                Rolled back to: v2.0.0 (now live)
                Status: all 2 checks passing
                  ✓ api: 200 in 35ms
                  ✓ jobs-table
                Downtime: 4.2s
                Failed state kept for salvage: database shop__rewind_r-42
                Failed state kept for salvage: directory uploads.rewind-r-42
                Next steps:
                - Monitor production closely for the next hour
                - Investigate the root cause before deploying again
                - Hold the post-mortem within 48 h (incident report: rewind report r-42)
                - Add a regression test for the failure""");
    }

    @Test
    void aFailingCheckIsNamedInTheStatus() {
        Announcement done = new Announcement(Event.ROLLBACK_COMPLETED, "production", null, AT, Map.of(
                "checks", List.of(new VerifyCheck("probe", "api", true, ""),
                        new VerifyCheck("sql", "jobs-table", false, "count(*) > 0 was false"))));

        assertThat(messages.render(done))
                .contains("Status: 1 of 2 checks failing: sql jobs-table")
                .contains("  ✗ jobs-table: count(*) > 0 was false")
                .contains("- Hold the post-mortem within 48 h\n");
    }

    @Test
    void rollbackFailedGivesTheStepTheErrorAndTheResumeCommand() {
        Announcement failed = new Announcement(Event.ROLLBACK_FAILED, "production", "r-42", AT, Map.of(
                "step", "swap db",
                "error", "database shop is in use by 3 sessions",
                "resume_command", "rewind rollback production --resume r-42"));

        assertThat(messages.render(failed)).isEqualTo("""
                ROLLBACK FAILED
                Environment: production
                Failed step: swap db
                Error: database shop is in use by 3 sessions
                The environment may be half-restored. Resume the rollback with:
                  rewind rollback production --resume r-42""");
    }

    @Test
    void triggeredAndDecisionShowTheRuleAndItsValues() {
        Map<String, Object> values = Map.of("rule", "errors", "rule_values", Map.of("error_rate", 0.12),
                "verdict", "ROLLBACK", "reason", "error rate above 10% for 10m",
                "current_version", "v2.0.1", "target_version", "v2.0.0");

        assertThat(messages.render(new Announcement(Event.ROLLBACK_TRIGGERED, "production", null, AT, values)))
                .startsWith("AUTOMATIC ROLLBACK TRIGGERED\n")
                .contains("Trigger: error rate above 10% for 10m\nRule: errors\nValues: error_rate=0.12");
        assertThat(messages.render(new Announcement(Event.DECISION, "production", null, AT, values)))
                .startsWith("DECISION: ROLLBACK\n")
                .contains("Rule: errors\nValues: error_rate=0.12\nReason: error rate above 10% for 10m");
    }

    @Test
    void deployMessagesNameTheVersions() {
        Map<String, Object> values = Map.of("current_version", "v1", "target_version", "v2");

        assertThat(messages.render(new Announcement(Event.DEPLOY_STARTED, "staging", null, AT, values)))
                .isEqualTo("DEPLOY STARTED\nEnvironment: staging\nCurrent version: v1\nDeploying: v2");
        assertThat(messages.render(new Announcement(Event.DEPLOY_COMPLETED, "staging", null, AT, values)))
                .isEqualTo("DEPLOY COMPLETE\nEnvironment: staging\nNow live: v2 (was v1)");
    }

    @Test
    void stepDoneIsOneLine() {
        assertThat(messages.render(NotifyFixture.stepDone("restore db", Duration.ofMillis(2345)))).isEqualTo("✓ restore db 2.3s");
    }

    @Test
    void missingValuesRenderEmpty() {
        Announcement bare = new Announcement(Event.ROLLBACK_STARTED, "production", null, AT, Map.of());

        assertThat(messages.render(bare)).isEqualTo("""
                ROLLBACK IN PROGRESS
                Environment: production
                Current version:\s
                Rolling back to:\s
                Reason:\s
                ETA:""");
    }

    @Test
    void aProjectTemplateReplacesTheBuiltInOne(@TempDir Path project) throws IOException {
        write(project, "rollback.started.mustache", "Rolling {{environment}} back to {{target_version}} <{{run_id}}> {{nope}}!\n");

        Messages custom = Messages.forProject(project);

        assertThat(custom.render(NotifyFixture.rollbackStarted())).isEqualTo("Rolling production back to v2.0.0 <r-42> !");
        assertThat(custom.render(NotifyFixture.stepDone("stop api", Duration.ofMillis(80)))).isEqualTo("✓ stop api 80ms");
    }

    @Test
    void aBrokenProjectTemplateFallsBackToTheBuiltInOne(@TempDir Path project) throws IOException {
        write(project, "rollback.started.mustache", "{{#unclosed}} never closed\n");

        assertThat(Messages.forProject(project).render(NotifyFixture.rollbackStarted())).startsWith("ROLLBACK IN PROGRESS\n");
    }

    private static void write(Path project, String name, String text) throws IOException {
        Files.createDirectories(project.resolve("templates"));
        Files.writeString(project.resolve("templates").resolve(name), text);
    }
}

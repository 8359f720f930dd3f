package dev.rewind.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.core.report.internal.Incident;
import dev.rewind.core.report.internal.Recoveries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sections of an incident report, from a journaled automatic rollback in a real SQLite store. */
class ReportsTest {

    @TempDir
    Path project;

    private IncidentFixture story;
    private Reports reports;

    @BeforeEach
    void journal() {
        story = new IncidentFixture(project);
        reports = new Reports(story.store, story.config, project);
    }

    @AfterEach
    void close() {
        story.store.close();
    }

    @Test
    void anAutomaticRollbackNamesTheDeploysFailedStepAndTheDecisionBehindIt() {
        IncidentReport report = reports.build(story.rollbackId);

        assertThat(report.summary().outcome()).isEqualTo("rolled back");
        assertThat(report.summary().from().version()).isEqualTo("v2");
        assertThat(report.summary().to().version()).isEqualTo("v1");
        assertThat(report.summary().deployRunId()).isEqualTo(story.deployId);
        Trigger trigger = report.trigger();
        assertThat(trigger.automatic()).isTrue();
        assertThat(trigger.source()).isEqualTo("deploy " + story.deployId + " step 'watch'");
        assertThat(trigger.reason()).isEqualTo(IncidentFixture.WATCH_ERROR);
        assertThat(trigger.verdict()).isEqualTo("ROLLBACK");
        assertThat(trigger.decidedAt()).isEqualTo(IncidentFixture.at(20));
        assertThat(trigger.fired()).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("error-rate-over-5pct");
            assertThat(rule.values()).containsEntry("metrics.error_rate", "0.48");
        });
        assertThat(reports.build(story.deployId).summary().rollbackRunId()).isEqualTo(story.rollbackId);
    }

    @Test
    void theTimelineMergesDecisionsStepsAndEventsInOrder() {
        var timeline = reports.build(story.rollbackId).timeline();

        assertThat(timeline).extracting(TimelineEntry::what).containsExactly(
                "deploy.started", "preflight", "watch", "ROLLBACK", "deploy.rolled_back", "rollback.started",
                "preflight", "announce start", "notify.failed", "prepare db", "stop backend", "swap db",
                "activate backend", "start backend", "verify", "record releases", "announce result",
                "rollback.completed");
        assertThat(timeline.get(3).detail()).isEqualTo("error-rate-over-5pct fired: metrics.error_rate = 0.48");
        assertThat(timeline.get(2).status()).isEqualTo("failed");
        assertThat(timeline.getLast().sinceStart()).isEqualTo(Duration.ofSeconds(92));
    }

    @Test
    void downtimeAndRecoveryComeFromTheJournalAndMeetTheRto() {
        IncidentReport report = reports.build(story.rollbackId);

        assertThat(report.recovery()).isEqualTo(new Recovery(Duration.ofSeconds(7), IncidentFixture.at(31),
                Duration.ofSeconds(10), Duration.ofMinutes(1), true));
        assertThat(report.backup().ageAtStart()).isEqualTo(Duration.ofSeconds(141));
    }

    @Test
    void aRecoveryLongerThanTheRtoMissesItAndWithoutAnRtoThereIsNoVerdict() {
        Incident incident = Incident.resolve(story.store, story.rollbackId);

        assertThat(Recoveries.of(incident, Duration.ofSeconds(9)).rtoMet()).isFalse();
        assertThat(Recoveries.of(incident, Duration.ofSeconds(10)).rtoMet()).isTrue();
        assertThat(Recoveries.of(incident, null).rtoMet()).isNull();
    }

    @Test
    void anUnreachableKeptDatabaseIsReportedInTheDataLossSection() {
        DataLoss loss = reports.build(story.rollbackId).dataLoss();

        assertThat(loss.window()).isEqualTo(Duration.ofSeconds(145));
        assertThat(loss.databases()).singleElement().satisfies(db -> {
            assertThat(db.keptDatabase()).isEqualTo(DatabaseNames.kept("shop", story.rollbackId));
            assertThat(db.problem()).startsWith("the kept database cannot be reached: Cannot connect");
            assertThat(db.tables()).isEmpty();
        });
    }

    @Test
    void theChecklistTicksWhatTheRollbackDidAndANotifierFailureLeavesTheTeamUnnotified() {
        IncidentReport report = reports.build(story.rollbackId);

        assertThat(report.notifierFailures()).containsExactly(
                new NotifierFailure(IncidentFixture.at(22.05), "slack", "rollback.started", "HTTP 500"));
        assertThat(report.verification().checks()).hasSize(2);
        assertThat(report.checklist()).extracting(ChecklistItem::text, ChecklistItem::done).contains(
                tuple("Failed state kept for salvage", true),
                tuple("Verified: probes, row counts, files, smoke and SQL checks, log errors", true),
                tuple("Team notified: ROLLBACK IN PROGRESS and the result announced", false),
                tuple("Hold the post-mortem within 48 h", false));
    }

    @Test
    void writeWritesMarkdownAndJsonAndAProjectTemplateOverridesTheBuiltInOne() throws Exception {
        Files.createDirectories(project.resolve("templates"));
        Files.writeString(project.resolve("templates/incident.md.mustache"),
                "{{summary.environment}} {{summary.outcome}} in {{recovery.actual}}, RTO met: {{recovery.rtoMet}}\n");

        Written written = reports.write(story.rollbackId);

        assertThat(written.markdown()).hasContent("production rolled back in 10s, RTO met: yes");
        assertThat(Json.readTree(Files.readString(written.json())).get("run_id").asText()).isEqualTo(story.rollbackId);
        assertThat(Reports.markdown(reports.build(story.rollbackId))).contains("| 1m | 10s | yes |",
                "> " + IncidentFixture.WATCH_ERROR, "| slack | rollback.started | HTTP 500 |");
    }

    @Test
    void anUnknownRunIsAUsageError() {
        assertThatThrownBy(() -> reports.build("run-20261121-000000-zzzz"))
                .isInstanceOf(RewindException.class)
                .hasMessageContaining("rewind runs ENV")
                .extracting(e -> ((RewindException) e).code()).isEqualTo(ErrorCode.USAGE);
    }
}

package dev.rewind.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.store.Event;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.UserReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserReportsTest {

    static final Instant T0 = Instant.parse("2026-11-21T09:30:00Z");

    @TempDir
    Path project;

    private StateStore store;
    private UserReports reports;

    @BeforeEach
    void openStore() {
        store = StateStore.open(".rewind/state.db", project);
        reports = new UserReports(store, UserReports.DEFAULT_WINDOW);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static UserReport report(String reporter, Instant at) {
        return UserReport.create("production", reporter, null, at);
    }

    @Test
    void theSameReporterCountsOnceIgnoringCaseAndSpaces() {
        ReportCount count = UserReports.count(List.of(report("ana", T0), report("bob", T0.plusSeconds(60)),
                report(" Ana", T0.plusSeconds(120)), report("ANA", T0.plusSeconds(180))), T0.plusSeconds(200),
                Duration.ofMinutes(30));

        assertThat(count.unique()).isEqualTo(2);
        assertThat(count.total()).isEqualTo(4);
        assertThat(count.reporters()).containsExactly("ANA", "bob");
        assertThat(count.toCel()).containsEntry("unique", 2L).containsEntry("total", 4L);
    }

    @Test
    void onlyReportsWithinTheWindowCount() {
        List<UserReport> all = List.of(report("ana", T0), report("bob", T0.plus(Duration.ofMinutes(29))),
                report("carol", T0.plus(Duration.ofMinutes(31))), report("dave", T0.plus(Duration.ofMinutes(61))));

        ReportCount count = UserReports.count(all, T0.plus(Duration.ofMinutes(60)), Duration.ofMinutes(30));

        assertThat(count.reporters()).containsExactly("carol");
        assertThat(count.window()).isEqualTo(Duration.ofMinutes(30));
        assertThat(UserReports.count(List.of(), T0, Duration.ofMinutes(30)).unique()).isZero();
    }

    @Test
    void recordingStoresTheReportAuditsItAndCountsTheWindow() {
        Instant now = Instant.now();
        store.insertReport(report("old", now.minus(Duration.ofHours(2))));
        store.insertReport(report("bob", now.minus(Duration.ofMinutes(10))));

        ReportResult result = reports.record("production", " ana ", "checkout shows 500", "oncall", now);

        assertThat(result.reporter()).isEqualTo("ana");
        assertThat(result.note()).isEqualTo("checkout shows 500");
        assertThat(result.count().reporters()).containsExactly("ana", "bob");
        assertThat(result.count().total()).isEqualTo(2);
        assertThat(store.reports("production", now.minusSeconds(1))).extracting(UserReport::id)
                .containsExactly(result.id());
        Event event = store.events("production", 1).get(0);
        assertThat(event.action()).isEqualTo("issue.reported");
        assertThat(event.actor()).isEqualTo("oncall");
        assertThat(event.subject()).isEqualTo(result.id());
        assertThat(reports.count("production", now).unique()).isEqualTo(2);
        assertThat(reports.count("staging", now).total()).isZero();
    }

    @Test
    void aReportNeedsAReporterAndABlankNoteIsNone() {
        assertThatThrownBy(() -> reports.record("production", " ", null, "oncall", T0))
                .isInstanceOf(RewindException.class).hasMessageContaining("--by NAME")
                .satisfies(e -> assertThat(((RewindException) e).code()).isEqualTo(ErrorCode.USAGE));
        assertThat(reports.record("production", "ana", "  ", "oncall", T0).note()).isNull();
    }
}

package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.store.StateStore;
import dev.rewind.core.store.UserReport;
import dev.rewind.testkit.ProcessResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportIssueCommandTest {

    @TempDir
    Path dir;

    private String config;

    @BeforeEach
    void exampleProject() {
        config = dir.resolve("rewind.yaml").toString();
        assertThat(new CliRunner().run("init", "--example", "-c", config).exitCode()).isZero();
    }

    private static ProcessResult run(String... args) {
        return new CliRunner().run(args);
    }

    @Test
    void reportsAreRecordedAndCountedOncePerReporter() throws Exception {
        ProcessResult first = run("report-issue", "production", "--by", "ana", "--note", "checkout shows 500", "-c", config);
        run("report-issue", "production", "--by", "bob", "-c", config);
        ProcessResult third = run("report-issue", "production", "--by", "Ana ", "-c", config);
        ProcessResult json = run("report-issue", "production", "--by", "carol", "--json", "-c", config);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).matches("✓ report rep-\\S+ by ana recorded for production\n"
                + "  last 30m: 1 unique reporter \\(ana\\), 1 report\n");
        assertThat(third.stdout()).endsWith("  last 30m: 2 unique reporters (Ana, bob), 3 reports\n");
        JsonNode result = Json.mapper().readTree(json.stdout());
        assertThat(result.get("reporter").asText()).isEqualTo("carol");
        assertThat(result.get("environment").asText()).isEqualTo("production");
        assertThat(result.get("count").get("unique").asLong()).isEqualTo(3);
        assertThat(result.get("count").get("total").asLong()).isEqualTo(4);
        assertThat(result.get("count").get("window").asText()).isEqualTo("30m");

        try (StateStore store = StateStore.open(".rewind/state.db", dir)) {
            List<UserReport> reports = store.reports("production", Instant.EPOCH);
            assertThat(reports).extracting(UserReport::reporter).containsExactlyInAnyOrder("ana", "bob", "Ana", "carol");
            assertThat(reports).filteredOn(r -> r.reporter().equals("ana")).singleElement()
                    .extracting(UserReport::note).isEqualTo("checkout shows 500");
            assertThat(store.events("production", 10)).extracting(e -> e.action()).containsOnly("issue.reported");
        }
    }

    @Test
    void anUnknownEnvironmentAndAMissingReporterAreUsageErrors() {
        ProcessResult unknown = run("report-issue", "prodution", "--by", "ana", "-c", config);
        ProcessResult noReporter = run("report-issue", "production", "-c", config);

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("unknown environment 'prodution'", "did you mean `production`?");
        assertThat(noReporter.exitCode()).isEqualTo(2);
        assertThat(noReporter.stderr()).contains("--by");
    }
}

package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.core.backup.postgres.DatabaseNames;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rewind report RUN} on a real end-to-end rollback (the sample app, a real PostgreSQL, real files): every
 * section carries that run's values, and the Markdown matches the golden file once the values that change from run
 * to run are replaced by placeholders.
 */
@ExtendWith(PostgresExtension.class)
class ReportCommandTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/incident-report.md");

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner();

    @Test
    void theReportOfARealRollbackHasItsValuesAndMatchesTheGolden(PostgresDatabase db) throws Exception {
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump", "production",
                "    rto: 15m\n" + RollbackScenario.VERIFY).deployV1ThenV2()) {
            long pid = app.driver().pids().getFirst();
            ProcessResult rollback = cli.run("rollback", "production", "--yes", "--json", "-c", app.config.toString());
            assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
            String run = Json.mapper().readTree(rollback.stdout()).get("run_id").asText();

            ProcessResult md = cli.run("report", run, "-c", app.config.toString());

            assertThat(md.exitCode()).as(md.toString()).isZero();
            String kept = DatabaseNames.kept(db.name(), run);
            assertThat(md.stdout()).contains(
                    "# Incident report: production, rolled back",
                    "| Versions | v2 (`rel-", "→ v1 (`rel-",
                    "Started by operator tester:",
                    "Restored backup set `" + app.backupId + "`",
                    "Failed state kept as database `" + kept + "`",
                    "| public.items | 5 | 3 | 2 more rows in the kept copy |",
                    "Failed state kept as directory `uploads.rewind-" + run + "`",
                    "| ✓ | tables | db |", "| ✓ | smoke | items-api |",
                    "| 15m |", "| yes |",
                    "- [x] Verified: probes, row counts, files",
                    "- [ ] Hold the post-mortem within 48 h");
            assertThat(dir.resolve(".rewind/reports/" + run + ".md")).hasContent(md.stdout());
            String normalised = new GoldenText()
                    .literal(dir.toString(), "<dir>")
                    .literal(kept, "<db>__rewind_<run>")
                    .literal(db.name(), "<db>")
                    .literal(String.valueOf(app.port), "<port>")
                    .literal(String.valueOf(pid), "<pid>")
                    .normalise(md.stdout());
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(GOLDEN, normalised);
            }
            assertThat(normalised).isEqualTo(Files.readString(GOLDEN));

            ProcessResult json = cli.run("report", run, "--format", "json", "-c", app.config.toString());

            assertThat(json.exitCode()).as(json.toString()).isZero();
            JsonNode report = Json.mapper().readTree(json.stdout());
            assertThat(report.get("summary").get("outcome").asText()).isEqualTo("rolled back");
            assertThat(report.get("backup").get("id").asText()).isEqualTo(app.backupId);
            assertThat(report.get("data_loss").get("databases").get(0).get("kept_database").asText()).isEqualTo(kept);
            assertThat(report.get("recovery").get("downtime").asText()).isNotBlank();
            assertThat(report.get("verification").get("checks")).isNotEmpty();
            assertThat(report.get("notifier_failures")).isEmpty();
            assertThat(report.fieldNames()).toIterable().containsExactly("run_id", "project", "generated_at", "summary",
                    "trigger", "timeline", "backup", "recovery", "data_loss", "verification", "live_state",
                    "notifier_failures", "checklist");
            assertThat(cli.run("report", run, "--json", "-c", app.config.toString()).stdout()).startsWith("{");
        }
    }

    @Test
    void anUnknownRunIsAUsageErrorThatSaysHowToListRuns() throws Exception {
        Files.writeString(dir.resolve("rewind.yaml"), """
                project: shop
                environments:
                  production:
                    components: { api: { driver: process, start: ./api } }
                """);

        ProcessResult result = cli.run("report", "run-20261121-000000-zzzz", "-c", dir.resolve("rewind.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("no run run-20261121-000000-zzzz", "rewind runs ENV");
    }
}

package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rewind.core.Rewind;
import dev.rewind.core.store.Role;
import dev.rewind.core.workflow.Workflow;
import dev.rewind.server.RewindServer;
import dev.rewind.server.ServerOptions;
import dev.rewind.testkit.ChildProcess;
import dev.rewind.testkit.PostgresDatabase;
import dev.rewind.testkit.PostgresExtension;
import dev.rewind.testkit.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless Chromium over {@code rewind serve} in this JVM: an operator signs in, rolls
 * production back from a bad v2 through the dialog (typing its name), watches the steps complete live, and reads
 * the incident report; and resumes a rollback whose process was killed. Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(PostgresExtension.class)
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    @Test
    void anOperatorRollsProductionBackFromTheDashboardAndReadsTheReport(PostgresDatabase db) throws Exception {
        assumeTrue(Files.isExecutable(HeadlessChromium.BINARY) || "true".equals(System.getenv("CI")),
                HeadlessChromium.BINARY + " is not installed (apt-get install chromium chromium-driver); under CI=true"
                        + " this test runs and fails without it");
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2();
                Rewind rewind = app.rewind();
                RewindServer server = RewindServer.start(rewind, new ServerOptions("127.0.0.1", 0, "test"));
                HeadlessChromium browser = HeadlessChromium.start(profile)) {
            String token = rewind.tokens().create("alice", Role.OPERATOR, "tester").token();
            browser.open("http://127.0.0.1:" + server.port() + "/");

            signIn(browser, "not-a-token");
            browser.await("the refused token's message", () -> browser.find("login-error").isDisplayed());
            assertThat(browser.find("login-error").getText()).contains("refused", "401");

            signIn(browser, token);
            browser.await("who is signed in", () -> browser.find("whoami").isDisplayed());
            assertThat(browser.find("whoami-name").getText()).isEqualTo("alice");
            assertThat(browser.find("whoami-role").getText()).isEqualTo("operator");
            browser.await("production's card", () -> productionCard(browser).isDisplayed());
            assertThat(productionCard(browser).findElement(HeadlessChromium.byTest("live-version")).getText())
                    .isEqualTo("v2");
            browser.await("production's probes", () -> productionCard(browser)
                    .findElement(HeadlessChromium.byTest("health-status")).getText().equals("healthy"));

            productionCard(browser).findElement(HeadlessChromium.byTest("rollback-button")).click();
            browser.await("the rollback dialog", () -> browser.find("rollback-dialog").isDisplayed());
            WebElement start = browser.find("rollback-start");
            assertThat(start.isEnabled()).as("enabled before the name is typed").isFalse();
            browser.find("rollback-reason").sendKeys("checkout errors since v2");
            browser.find("rollback-confirm").sendKeys("production");
            assertThat(start.isEnabled()).isTrue();
            start.click();

            List<Integer> doneWhileRunning = watchSteps(browser);
            assertThat(doneWhileRunning).as("steps seen done while the run went on").hasSizeGreaterThan(1)
                    .isSorted();
            assertThat(browser.find("rollback-status").getText()).startsWith("✓ Rolled back in");
            List<String> steps = browser.findAll("step").stream().map(WebElement::getText).toList();
            assertThat(steps).allSatisfy(step -> assertThat(step).startsWith("✓").containsPattern("\\d+(\\.\\d)? m?s"));
            assertThat(steps).anySatisfy(step -> assertThat(step).contains("preflight"))
                    .anySatisfy(step -> assertThat(step).contains("swap db"))
                    .anySatisfy(step -> assertThat(step).contains("start backend"))
                    .anySatisfy(step -> assertThat(step).contains("verify"));
            browser.screenshot(SCREENSHOTS.resolve("rollback.png"), 1280);

            browser.find("open-report").click();
            browser.await("the incident report", () -> browser.find("report").isDisplayed());
            String report = browser.find("report").getText();
            assertThat(report).contains("Incident report: production, rolled back", "Started by operator token:alice",
                    "checkout errors since v2", "Downtime", "public.items 5 3 2 more rows in the kept copy",
                    "2 only in the kept copy");
            assertThat(report).containsPattern("Versions v2 \\(rel-[^)]+\\) → v1 \\(rel-[^)]+\\)");
            browser.screenshot(SCREENSHOTS.resolve("report.png"), 1280);
            browser.screenshot(SCREENSHOTS.resolve("report-phone.png"), 390);

            browser.open("http://127.0.0.1:" + server.port() + "/#/env/production");
            browser.await("the release timeline", () -> browser.find("release-timeline").isDisplayed());
            assertThat(browser.findAll("release")).extracting(WebElement::getText).satisfiesExactly(
                    v2 -> assertThat(v2).startsWith("v2 rolled back"), v1 -> assertThat(v1).startsWith("v1 live"));
            assertThat(browser.findAll("run")).singleElement().extracting(WebElement::getText).asString()
                    .startsWith("succeeded rollback v2 → v1");
            browser.screenshot(SCREENSHOTS.resolve("environment.png"), 1280);

            browser.open("http://127.0.0.1:" + server.port() + "/#/");
            browser.await("v1 live again", () -> productionCard(browser)
                    .findElement(HeadlessChromium.byTest("live-version")).getText().equals("v1"));
            browser.screenshot(SCREENSHOTS.resolve("dashboard.png"), 1280);
            browser.screenshot(SCREENSHOTS.resolve("dashboard-phone.png"), 390);
            assertThat(app.runningVersion()).isEqualTo("v1");
            assertThat(browser.consoleErrors()).noneMatch(e -> e.contains("Content Security Policy")
                    || e.contains("Uncaught"));
        }
    }

    @Test
    void aRollbackWhoseProcessWasKilledIsResumedFromTheDashboard(PostgresDatabase db) throws Exception {
        assumeTrue(Files.isExecutable(HeadlessChromium.BINARY) || "true".equals(System.getenv("CI")),
                HeadlessChromium.BINARY + " is not installed");
        try (RollbackScenario app = new RollbackScenario(dir, db, "dump").deployV1ThenV2();
                Rewind rewind = app.rewind();
                RewindServer server = RewindServer.start(rewind, new ServerOptions("127.0.0.1", 0, "test"));
                HeadlessChromium browser = HeadlessChromium.start(profile)) {
            String token = rewind.tokens().create("alice", Role.OPERATOR, "tester").token();
            ProcessResult killed = ChildProcess.run(app.rewindCommand("rollback", "production", "--yes"), dir,
                    app.env("REWIND_FAULT_HALT_AFTER", "swap db"), Duration.ofMinutes(2));
            assertThat(killed.exitCode()).as(killed.toString()).isEqualTo(Workflow.HALT_STATUS);
            browser.open("http://127.0.0.1:" + server.port() + "/");
            signIn(browser, token);

            browser.await("production's card", () -> productionCard(browser).isDisplayed());
            assertThat(productionCard(browser).findElement(HeadlessChromium.byTest("interrupted")).getText())
                    .isEqualTo("interrupted");
            browser.screenshot(SCREENSHOTS.resolve("interrupted.png"), 1280);
            productionCard(browser).findElement(HeadlessChromium.byTest("resume-button")).click();
            browser.await("the resume dialog", () -> browser.find("rollback-dialog").isDisplayed());
            browser.screenshot(SCREENSHOTS.resolve("resume.png"), 1280);
            browser.find("rollback-confirm").sendKeys("production");
            browser.find("rollback-start").click();

            browser.await("the resumed run's end", () -> !browser.find("rollback-status").getAttribute("class")
                    .contains("running"));
            assertThat(browser.find("rollback-status").getText()).startsWith("✓ Rolled back in");
            assertThat(app.runningVersion()).isEqualTo("v1");
            assertThat(rewind.store().runs("production")).hasSize(1);
            assertThat(browser.consoleErrors()).noneMatch(e -> e.contains("Uncaught"));
        }
    }

    private static void signIn(HeadlessChromium browser, String token) {
        browser.await("the sign-in form", () -> browser.find("token").isDisplayed());
        browser.find("token").sendKeys(token);
        browser.find("login-form").submit();
    }

    private static WebElement productionCard(HeadlessChromium browser) {
        return browser.element("[data-test='env-card'][data-env='production']");
    }

    /**
     * Watches the dialog's steps until the run ends; returns how many steps were done at each change seen while it
     * still ran.
     */
    private static List<Integer> watchSteps(HeadlessChromium browser) {
        List<Integer> seen = new ArrayList<>();
        browser.await("the rollback's end", () -> {
            boolean running = browser.find("rollback-status").getAttribute("class").contains("running");
            int done = browser.elements("[data-test='step'][data-status='done']").size();
            if (running && (seen.isEmpty() || seen.getLast() != done)) {
                seen.add(done);
            }
            return !running;
        });
        return seen;
    }
}

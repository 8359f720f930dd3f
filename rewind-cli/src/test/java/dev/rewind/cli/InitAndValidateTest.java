package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.core.Json;
import dev.rewind.testkit.ProcessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitAndValidateTest {

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner();

    @Test
    void initExampleThenValidatePasses() {
        String config = dir.resolve("rewind.yaml").toString();

        ProcessResult init = cli.run("init", "--example", "-c", config);
        ProcessResult validate = cli.run("validate", "-c", config);

        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.stdout()).contains("✓ wrote rewind.yaml", "✓ wrote app/sampleapp.jar",
                "✓ wrote production/backend/releases/v2/start.sh");
        assertThat(dir.resolve("production/backend/releases/v1/start.sh")).isExecutable();
        assertThat(dir.resolve("app/sampleapp.jar")).isNotEmptyFile();
        assertThat(dir.resolve("staging/uploads")).isDirectory();
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.stdout()).isEqualTo("""
                ✓ %s is valid: project shop, 2 environments
                  production: 1 component (backend), 2 datastores (db, uploads), 1 probe, policy: default
                  staging: 1 component (backend), 2 datastores (db, uploads), 1 probe, policy: default
                """.formatted(config));
        assertThat(validate.stderr()).isEmpty();
    }

    @Test
    void theCommentedTemplateValidates() {
        String config = dir.resolve("rewind.yaml").toString();

        assertThat(cli.run("init", "-c", config).exitCode()).isZero();
        ProcessResult validate = cli.run("validate", "-c", config);

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.stdout()).contains("production: 1 component (backend)");
    }

    @Test
    void initNeverOverwrites() throws Exception {
        Path config = dir.resolve("rewind.yaml");
        Files.writeString(config, "project: mine\n");

        ProcessResult init = cli.run("init", "--example", "-c", config.toString());

        assertThat(init.exitCode()).isEqualTo(2);
        assertThat(init.stderr()).contains("rewind.yaml already exists", "never overwrites", "fix:");
        assertThat(Files.readString(config)).isEqualTo("project: mine\n");
        assertThat(dir.resolve("app")).doesNotExist();
    }

    @Test
    void aBrokenConfigExitsTwoListingEveryProblemWithLocationAndFix() throws Exception {
        Path config = dir.resolve("rewind.yaml");
        Files.writeString(config, """
                project: shop
                environments:
                  production:
                    rto: 5 minutes
                    components:
                      backend:
                        driver: process
                        start: ./run
                        probe:
                          - http: http://localhost:3001/health
                    notify: [ { slack: "${SLACK_WEBHOOK_URL}" } ]
                    policy:
                      - { name: errors, when: 'metrics.error_rate >>', action: ROLLBACK }
                """);

        ProcessResult result = cli.run("validate", "-c", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        String err = result.stderr();
        assertThat(err).contains(config + ":4:10: bad value for the config.environments.production.rto: bad duration '5 minutes'");
        assertThat(err).contains(config + ":9:9: unknown key 'probe' in the config.environments.production.components.backend\n"
                + "    fix: did you mean `probes`?");
        assertThat(err).contains(config + ":11:24: environment variable SLACK_WEBHOOK_URL is not set\n"
                + "    fix: export SLACK_WEBHOOK_URL=");
        assertThat(err).contains(config + ":13:31: bad value for the config.environments.production.policy[0].when: CEL expression");
        assertThat(err).contains("4 problems in the config");
        assertThat(err).doesNotContain("Exception", "\tat ");
    }

    @Test
    void validateJsonReportsProblemsAsData() throws Exception {
        Path config = dir.resolve("rewind.yaml");
        Files.writeString(config, "project: shop\nenvironments:\n  production:\n    components: {}\n    colour: blue\n");

        ProcessResult result = cli.run("validate", "--json", "-c", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode error = Json.mapper().readTree(result.stdout()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("config");
        assertThat(error.get("exit_code").asInt()).isEqualTo(2);
        assertThat(error.get("problems")).hasSize(2);
        JsonNode unknown = error.get("problems").get(0);
        assertThat(unknown.get("location").get("line").asInt()).isEqualTo(4);
        assertThat(error.get("problems").get(1).get("message").asText()).contains("unknown key 'colour'");
    }

    @Test
    void validateJsonOnAValidConfig() throws Exception {
        String config = dir.resolve("rewind.yaml").toString();
        cli.run("init", "--example", "-c", config);

        ProcessResult result = cli.run("validate", "--json", "-c", config);

        JsonNode json = Json.mapper().readTree(result.stdout());
        assertThat(json.get("project").asText()).isEqualTo("shop");
        assertThat(json.get("environments").get(0).get("name").asText()).isEqualTo("production");
        assertThat(json.get("environments").get(0).get("datastores")).hasSize(2);
        assertThat(json.get("environments").get(0).get("policy_rules").asInt()).isZero();
    }

    @Test
    void aMissingConfigSaysHowToCreateOne() {
        ProcessResult result = cli.run("validate", "-c", dir.resolve("nope.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("no config file at", "rewind init");
    }

    @Test
    void verboseShowsTheStackTraceOnlyWhenAsked() {
        String missing = dir.resolve("nope.yaml").toString();

        assertThat(cli.run("validate", "-c", missing).stderr()).doesNotContain("\tat ");
        assertThat(cli.run("validate", "-v", "-c", missing).stderr()).contains("RewindException", "\tat ");
    }

    @Test
    void usageErrorsExitTwo() {
        ProcessResult unknownCommand = cli.run("frobnicate");
        ProcessResult noCommand = cli.run();

        assertThat(unknownCommand.exitCode()).isEqualTo(2);
        assertThat(unknownCommand.stderr()).contains("Unmatched argument", "frobnicate", "see `rewind --help`");
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.stderr()).contains("a command is required");
    }
}

package dev.rewind.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.policy.Action;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Map<String, String> ENV = Map.of("SLACK_WEBHOOK_URL", "https://hooks.slack.test/T1/B2/x");

    @Test
    void loadsTheDesignExample() throws Exception {
        Path file = Path.of(getClass().getResource("/config/design.yaml").toURI());

        RewindConfig config = ConfigLoader.load(file, ENV);

        assertThat(config.project()).isEqualTo("shop");
        EnvironmentConfig production = config.environments().get("production");
        assertThat(production.confirm()).isTrue();
        assertThat(production.rto()).isEqualTo(Duration.ofMinutes(5));
        ComponentConfig backend = production.components().get("backend");
        assertThat(backend.driver()).isEqualTo(Driver.RELEASES);
        assertThat(backend.root()).isEqualTo(Path.of("/srv/shop/backend"));
        var probe = (ProbeConfig.Http) backend.probes().get(0);
        assertThat(probe.http()).isEqualTo(URI.create("http://localhost:3001/health"));
        assertThat(probe.expect().body().source()).isEqualTo("json.status == \"ok\"");
        assertThat(probe.expect().maxLatency()).isEqualTo(Duration.ofSeconds(2));
        var db = (DatastoreConfig.Postgres) production.datastores().get("db");
        assertThat(db.postgres().database()).isEqualTo("shop");
        assertThat(db.strategy()).isEqualTo(DatastoreConfig.Strategy.DUMP);
        assertThat(production.datastores().get("uploads")).isEqualTo(new DatastoreConfig.Files(Path.of("/srv/shop/uploads")));
        assertThat(production.policy()).extracting(RuleConfig::name).containsExactly("health", "errors", "latency");
        assertThat(production.policy().get(1).sustain()).isEqualTo(Duration.ofMinutes(10));
        assertThat(production.policy().get(0).action()).isEqualTo(Action.ROLLBACK_NOW);
        assertThat(production.verify().smoke().get(0).http()).hasToString("GET http://localhost:3001/api/jobs/metrics");
        assertThat(production.verify().sql().get(0).datastore()).isEqualTo("db");
        assertThat(production.notifiers()).containsExactly(
                new NotifierConfig.Slack(URI.create("https://hooks.slack.test/T1/B2/x")),
                new NotifierConfig.Webhook(URI.create("https://hooks.example/rollback"), Map.of()));
    }

    @Test
    void reportsFourProblemsAtOnceEachWithLocationAndFix() {
        String yaml = """
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
                    notify: [ { slack: "${NOT_SET_ANYWHERE}" } ]
                    policy:
                      - { name: broken, when: 'metrics.error_rate >', action: ROLLBACK }
                """;

        assertThatThrownBy(() -> ConfigLoader.parse("rewind.yaml", yaml, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIG);
                    assertThat(e.problems()).extracting(p -> p.location().toString()).containsExactly(
                            "rewind.yaml:4:10", "rewind.yaml:9:9", "rewind.yaml:11:24", "rewind.yaml:13:31");
                    assertThat(e.problems().get(0).message()).contains("bad duration '5 minutes'").contains("10m");
                    assertThat(e.problems().get(1).message()).contains("unknown key 'probe'");
                    assertThat(e.problems().get(1).fix()).isEqualTo("did you mean `probes`?");
                    assertThat(e.problems().get(2).message()).contains("environment variable NOT_SET_ANYWHERE is not set");
                    assertThat(e.problems().get(2).fix()).contains("export NOT_SET_ANYWHERE=");
                    assertThat(e.problems().get(3).message()).contains("does not compile");
                    assertThat(e.getMessage()).endsWith("4 problems in the config");
                });
    }

    @Test
    void wrongTypesBadUrlsAndUnknownEnumValuesAreLocated() {
        String yaml = """
                project: shop
                environments:
                  production:
                    confirm: maybe
                    keep: many
                    min_free_disk: lots
                    components:
                      backend:
                        driver: relases
                        root: /srv
                        start: ./run
                        probes: http://localhost/health
                    datastores:
                      db: { postgres: "mysql://shop@localhost/shop" }
                    metrics: { prometheus: "localhost:9090" }
                """;

        assertThat(problems(yaml)).containsExactly(
                "rewind.yaml:4:14: bad value for the config.environments.production.confirm: expected true or false, found 'maybe'",
                "rewind.yaml:5:11: bad value for the config.environments.production.keep: expected a whole number, found 'many'",
                "rewind.yaml:6:20: bad value for the config.environments.production.min_free_disk: expected a size such as 5GB, 512MB or 1.5T",
                "rewind.yaml:9:17: bad value for the config.environments.production.components.backend.driver: 'relases' is not one of process, releases, git, command, compose, systemd (did you mean releases?)",
                "rewind.yaml:12:17: the config.environments.production.components.backend.probes should be a list but is the string \"http://localhost/health\"",
                "rewind.yaml:14:23: bad value for the config.environments.production.datastores.db.postgres: expected postgresql://user@host:5432/database",
                "rewind.yaml:15:28: bad value for the config.environments.production.metrics.prometheus: expected an http:// or https:// URL, e.g. http://localhost:3001/health");
    }

    @Test
    void crossReferencesAreChecked() {
        String yaml = """
                project: shop
                environments:
                  empty:
                    components: {}
                  production:
                    components:
                      backend:
                        driver: releases
                        start: ./run
                        depends_on: [worker]
                      db:
                        driver: command
                        activate: ./switch {version}
                    datastores:
                      db: { postgres: "postgresql://shop@localhost/shop" }
                      uploads: { files: /srv/uploads }
                    verify:
                      sql:
                        - { name: rows, datastore: dbb, query: "SELECT true" }
                        - { name: files, datastore: uploads, query: "SELECT true" }
                """;

        List<ConfigProblem> problems = problemList(yaml);

        assertThat(problems).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "environments.empty has no components",
                "the releases driver of environments.production.components.backend needs `root`",
                "environments.production.components.backend depends on 'worker', which is not a component of environments.production",
                "'db' in environments.production is both a component and a datastore",
                "environments.production.verify.sql names datastore 'dbb', which is not defined",
                "environments.production.verify.sql names datastore 'uploads', which is not a postgres database");
        assertThat(problems).filteredOn(p -> p.message().contains("'dbb'")).singleElement()
                .satisfies(p -> assertThat(p.fix()).isEqualTo("did you mean `db`?"))
                .satisfies(p -> assertThat(p.location()).hasToString("rewind.yaml:19:36"));
    }

    @Test
    void duplicateComponentNamesAndDependencyCyclesAreProblems() {
        String yaml = """
                project: shop
                environments:
                  production:
                    components:
                      api: { driver: process, start: ./api, depends_on: [worker] }
                      worker: { driver: process, start: ./worker, depends_on: [api] }
                      api: { driver: process, start: ./other }
                """;

        assertThat(problems(yaml)).containsExactly(
                "rewind.yaml:5:7: components depend on each other in a cycle: api → worker → api in environments.production\n"
                        + "    fix: remove one `depends_on` entry so the components can start in order",
                "rewind.yaml:7:7: duplicate key 'api'\n    fix: each name may appear once here; rename or merge the two");
    }

    @Test
    void probeNeedsExactlyOneKind() {
        String yaml = """
                project: shop
                environments:
                  production:
                    components:
                      api:
                        driver: process
                        start: ./api
                        probes:
                          - { htp: "http://localhost/health" }
                          - { http: "http://localhost/health", tcp: "localhost:80" }
                          - { sql: "SELECT true" }
                """;

        assertThat(problemList(yaml)).extracting(ConfigProblem::toString).containsExactly(
                "rewind.yaml:9:13: the config.environments.production.components.api.probes[0] needs exactly one of the keys http, tcp, command, sql\n"
                        + "    fix: did you mean `http`?",
                "rewind.yaml:10:13: the config.environments.production.components.api.probes[1] needs exactly one of the keys http, tcp, command, sql\n"
                        + "    fix: keep only one of [http, tcp]",
                "rewind.yaml:11:13: missing key 'datastore' in the config.environments.production.components.api.probes[2]\n"
                        + "    fix: add `datastore: …` here");
    }

    @Test
    void syntaxErrorsAndEmptyFilesAreReported() {
        assertThat(problems("project: [unclosed\n")).singleElement().asString()
                .startsWith("rewind.yaml:2:1: not valid YAML: expected ',' or ']', but got <stream end> (while parsing a flow sequence)");
        assertThat(problems("")).containsExactly("rewind.yaml:1:1: the file is empty\n    fix: run `rewind init` for a commented template");
        assertThat(problems("project: a\nenvironments: {}\n---\nproject: b\n"))
                .anySatisfy(p -> assertThat(p).startsWith("rewind.yaml:4:1: more than one YAML document"));
    }

    @Test
    void defaultsApplyWhenKeysAreAbsent() {
        RewindConfig config = ConfigLoader.parse("rewind.yaml", """
                project: shop
                environments:
                  dev:
                    components:
                      api: { driver: process, start: ./api, probes: [ { tcp: "localhost:8080" } ] }
                """, Map.of());

        assertThat(config.state()).isEqualTo(".rewind/state.db");
        EnvironmentConfig dev = config.environments().get("dev");
        assertThat(dev.confirm()).isFalse();
        assertThat(dev.keep()).isEqualTo(EnvironmentConfig.DEFAULT_KEEP);
        assertThat(dev.watch()).isEqualTo(Duration.ofMinutes(10));
        assertThat(dev.probeRetry()).isEqualTo(Duration.ofSeconds(1));
        assertThat(dev.minFreeDisk()).isEqualTo(ByteSize.gigabytes(5));
        assertThat(dev.policy()).isEmpty();
        var probe = (ProbeConfig.Tcp) dev.components().get("api").probes().get(0);
        assertThat(probe.tcp()).isEqualTo(new HostPort("localhost", 8080));
        assertThat(probe.interval()).isEqualTo(ProbeConfig.DEFAULT_INTERVAL);
    }

    @Test
    void aMissingFileSaysHowToCreateOne(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("rewind.yaml"), Map.of()))
                .isInstanceOfSatisfying(RewindException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG))
                .hasMessageContaining("no config file at").hasMessageContaining("rewind init");
    }

    @Test
    void secretsInterpolatedIntoUrlsAreReadFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rewind.yaml");
        Files.writeString(file, """
                project: shop
                environments:
                  production:
                    components: { api: { driver: process, start: ./api } }
                    datastores: { db: { postgres: "postgresql://shop:${DB_PASSWORD}@db.internal:6432/shop" } }
                """);

        var db = (DatastoreConfig.Postgres) ConfigLoader.load(file, Map.of("DB_PASSWORD", "s3cret"))
                .environments().get("production").datastores().get("db");

        assertThat(db.postgres().port()).isEqualTo(6432);
        assertThat(db.postgres().user()).isEqualTo("shop");
        assertThat(db.postgres().toString()).isEqualTo("postgresql://shop:***@db.internal:6432/shop").doesNotContain("s3cret");
    }

    private static List<String> problems(String yaml) {
        return problemList(yaml).stream().map(ConfigProblem::toString).toList();
    }

    private static List<ConfigProblem> problemList(String yaml) {
        try {
            ConfigLoader.parse("rewind.yaml", yaml, Map.of());
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected config problems in:\n" + yaml);
    }
}

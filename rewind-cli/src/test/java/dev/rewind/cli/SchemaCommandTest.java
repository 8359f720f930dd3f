package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rewind.testkit.ProcessResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema is generated from the config records; every example config in the repository must satisfy it. */
class SchemaCommandTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonSchema schema;

    @BeforeAll
    static void generateSchema() throws IOException {
        ProcessResult result = new CliRunner().run("schema");
        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.stdout());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json);
    }

    static Stream<String> exampleConfigs() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(SchemaCommandTest::isRewindConfig)
                    .map(p -> root.relativize(p).toString())
                    .toList().stream();
        }
    }

    @Test
    void theRepositoryHasExampleConfigs() throws IOException {
        assertThat(exampleConfigs()).contains(
                "rewind-cli/src/main/resources/init/rewind.yaml",
                "rewind-cli/src/main/resources/example/rewind.yaml",
                "rewind-core/src/test/resources/config/design.yaml");
    }

    @ParameterizedTest
    @MethodSource("exampleConfigs")
    void everyExampleConfigSatisfiesTheSchema(String file) throws IOException {
        Set<ValidationMessage> errors = schema.validate(YAML.readTree(Path.of("..", file).toFile()));

        assertThat(errors).as(file).isEmpty();
    }

    @Test
    void theSchemaIsStrictAboutUnknownKeysAndValues() throws IOException {
        JsonNode config = YAML.readTree("""
                project: shop
                environments:
                  production:
                    components:
                      backend: { driver: relases, start: ./run, probe: [] }
                """);

        assertThat(schema.validate(config)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("probe"))
                .anySatisfy(m -> assertThat(m).contains("driver"));
    }

    private static boolean isRewindConfig(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode node = YAML.readTree(in);
            return node != null && node.has("environments") && node.has("project");
        } catch (IOException e) {
            return false;
        }
    }
}

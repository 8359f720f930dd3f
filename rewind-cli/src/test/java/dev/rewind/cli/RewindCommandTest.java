package dev.rewind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.testkit.ProcessResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The root command builds only the subcommand that runs; help and usage errors still see them all. */
class RewindCommandTest {

    private final CliRunner cli = new CliRunner();

    @Test
    void eachSubcommandIsListedUnderTheNameItsCommandDeclares() {
        for (Map.Entry<String, Class<?>> command : RewindCommand.SUBCOMMANDS) {
            assertThat(command.getValue().getAnnotation(Command.class).name()).isEqualTo(command.getKey());
        }
    }

    @Test
    void helpListsEverySubcommandInOrder() {
        ProcessResult help = cli.run("--help");

        assertThat(help.exitCode()).isZero();
        List<String> listed = Arrays.stream(help.stdout().split("\n"))
                .filter(line -> line.matches("  [a-z-]+ .*"))
                .map(line -> line.strip().split(" ")[0])
                .toList();
        assertThat(listed).isEqualTo(RewindCommand.SUBCOMMANDS.stream().map(Map.Entry::getKey).toList());
    }

    @Test
    void aNestedSubcommandParsesAsBefore() {
        ProcessResult missing = cli.run("token", "create");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).isEqualTo("error: Missing required parameter: 'NAME'\n    see `rewind token create --help`\n");
    }

    @Test
    void versionNeedsNoSubcommand() {
        for (String option : List.of("--version", "-V")) {
            ProcessResult version = cli.run(option);

            assertThat(version.exitCode()).isZero();
            assertThat(version.stdout()).isEqualTo("rewind " + VersionProvider.version() + "\n");
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        ProcessResult typo = cli.run("stauts");
        ProcessResult none = cli.run();

        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.stderr()).isEqualTo("error: Unmatched argument at index 0: 'stauts'\n    see `rewind --help`\n");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).isEqualTo("error: a command is required, e.g. `rewind validate`\n    see `rewind --help`\n");
    }

    /** Every usage error says "see `rewind X --help`", and the subcommands had no --help. */
    @Test
    void theHelpAUsageErrorPointsToExists() {
        for (List<String> command : List.of(List.of("status"), List.of("token", "create"), List.of("deploy"))) {
            ProcessResult wrong = cli.run(concat(command, "--bogus"));
            ProcessResult help = cli.run(concat(command, "--help"));

            String name = "rewind " + String.join(" ", command);
            assertThat(wrong.exitCode()).isEqualTo(2);
            assertThat(wrong.stderr()).endsWith("    see `" + name + " --help`\n");
            assertThat(help.exitCode()).isZero();
            assertThat(help.stdout()).startsWith("Usage: " + name + " ");
        }
    }

    private static String[] concat(List<String> command, String option) {
        return java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of(option)).toArray(String[]::new);
    }
}

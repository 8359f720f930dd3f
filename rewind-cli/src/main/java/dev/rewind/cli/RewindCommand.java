package dev.rewind.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rewind}: the root command; it only holds the subcommands and the context they run in. */
@Command(name = "rewind", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Deploys with a safety net and rolls back bad releases: journaled, resumable, nothing dropped.")
public final class RewindCommand implements Runnable {

    /** The subcommands by the name in their {@code @Command}, in the order {@code rewind --help} lists them. */
    static final List<Map.Entry<String, Class<?>>> SUBCOMMANDS = List.of(
            Map.entry("init", InitCommand.class),
            Map.entry("validate", ValidateCommand.class),
            Map.entry("schema", SchemaCommand.class),
            Map.entry("status", StatusCommand.class),
            Map.entry("releases", ReleasesCommand.class),
            Map.entry("backup", BackupCommand.class),
            Map.entry("backups", BackupsCommand.class),
            Map.entry("prune", PruneCommand.class),
            Map.entry("hold", HoldCommand.class),
            Map.entry("report-issue", ReportIssueCommand.class),
            Map.entry("check", CheckCommand.class),
            Map.entry("decide", DecideCommand.class),
            Map.entry("deploy", DeployCommand.class),
            Map.entry("watch", WatchCommand.class),
            Map.entry("rollback", RollbackCommand.class),
            Map.entry("drill", DrillCommand.class),
            Map.entry("verify", VerifyCommand.class),
            Map.entry("runs", RunsCommand.class),
            Map.entry("report", ReportCommand.class),
            Map.entry("run", RunCommand.class),
            Map.entry("demo", DemoCommand.class),
            Map.entry("serve", ServeCommand.class),
            Map.entry("token", TokenCommand.class));

    private final CliContext context;

    @Spec
    CommandSpec spec;

    RewindCommand(CliContext context) {
        this.context = context;
    }

    /**
     * The command line for {@code args}: with only the subcommand they name, none for {@code --version}, and every
     * subcommand otherwise (the help and the usage errors list them). picocli reads every option of every subcommand
     * it is given, which took a tenth of a second of each command.
     */
    static CommandLine commandLine(CliContext context, String[] args) {
        CommandLine cli = new CommandLine(new RewindCommand(context));
        if (args.length == 1 && List.of("--version", "-V").contains(args[0])) {
            return cli;
        }
        for (Map.Entry<String, Class<?>> command : SUBCOMMANDS) {
            if (args.length > 0 && command.getKey().equals(args[0])) {
                return cli.addSubcommand(command.getValue());
            }
        }
        SUBCOMMANDS.forEach(command -> cli.addSubcommand(command.getValue()));
        return cli;
    }

    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required, e.g. `rewind validate`");
    }
}

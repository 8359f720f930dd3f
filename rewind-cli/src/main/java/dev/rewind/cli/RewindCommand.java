package dev.rewind.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rewind}: the root command; it only holds the subcommands and the context they run in. */
@Command(name = "rewind", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Deploys with a safety net and rolls back bad releases: journaled, resumable, nothing dropped.",
        subcommands = {
            InitCommand.class,
            ValidateCommand.class,
            SchemaCommand.class,
            StatusCommand.class,
            ReleasesCommand.class,
            BackupCommand.class,
            BackupsCommand.class,
            PruneCommand.class,
            HoldCommand.class,
            ReportIssueCommand.class,
            CheckCommand.class,
            DecideCommand.class,
            DeployCommand.class,
            WatchCommand.class,
            RollbackCommand.class,
            DrillCommand.class,
            VerifyCommand.class,
            RunsCommand.class,
            ReportCommand.class,
            RunCommand.class,
            ServeCommand.class,
            TokenCommand.class
        })
public final class RewindCommand implements Runnable {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    RewindCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required, e.g. `rewind validate`");
    }
}

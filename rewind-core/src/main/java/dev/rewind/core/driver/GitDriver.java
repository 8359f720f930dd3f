package dev.rewind.core.driver;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code git} driver: {@code root} is a checkout and versions are commits or tags. Activating checks the version
 * out detached (local changes are stashed first, never lost) and runs the component's {@code build}; the process
 * runs in {@code root} as for the {@code process} driver.
 */
final class GitDriver implements ComponentDriver {

    private final DriverContext context;
    private final Path root;
    private final CommandRunner runner;
    private final ProcessLifecycle lifecycle;

    GitDriver(DriverContext context) {
        this.context = context;
        this.root = DriverFiles.root(context);
        this.runner = new CommandRunner(context);
        this.lifecycle = new ProcessLifecycle(context, runner);
    }

    @Override
    public String component() {
        return context.component();
    }

    @Override
    public Optional<String> checkRelease(String version) {
        if (version.isEmpty() || version.startsWith("-")) {
            return Optional.of("'" + version + "' is not a commit or tag name");
        }
        CommandOutput output = resolve(version);
        if (output.exitCode() == 0) {
            return Optional.empty();
        }
        String why = CommandRunner.lastLine(output);
        return Optional.of("'" + version + "' is not a commit or tag in " + root + (why.isEmpty() ? "" : ": " + why));
    }

    @Override
    public DriverAction stop() {
        return lifecycle.stop(root);
    }

    @Override
    public DriverAction activate(String version, String previousVersion) {
        List<CommandOutput> commands = new ArrayList<>();
        String head = CommandRunner.lastLine(git(commands, "rev-parse", "HEAD"));
        checkRelease(version).ifPresent(problem -> {
            throw new RewindException(ErrorCode.FAILED, context.component() + ": cannot check out " + version + ", "
                    + problem + Failures.FIX + "fetch it (`git fetch --tags` in " + root + ") or choose another version");
        });
        String target = CommandRunner.lastLine(resolve(version));
        boolean dirty = !git(commands, "status", "--porcelain").output().isBlank();
        if (!dirty && head.equals(target)) {
            return new DriverAction(version + " is already checked out (" + shortSha(head) + ")", commands);
        }
        StringBuilder summary = new StringBuilder("checked out " + version + " (" + shortSha(target) + ", was "
                + shortSha(head) + ")");
        if (dirty) {
            git(commands, "-c", "user.name=rewind", "-c", "user.email=rewind@localhost",
                    "stash", "push", "--include-untracked", "-m", "rewind: before checkout of " + version);
            summary.append("; stashed local changes (`git stash list` in ").append(root).append(")");
        }
        git(commands, "checkout", "--force", "--detach", version);
        if (context.config().build() != null) {
            commands.add(runner.shell(context.config().build(), root,
                    "run it by hand in " + root + " to see why, and correct `build` in rewind.yaml"));
            summary.append("; ran the build command");
        }
        return new DriverAction(summary.toString(), commands);
    }

    @Override
    public DriverAction start() {
        return lifecycle.start(root, activeVersion().orElseThrow());
    }

    /** The tag at HEAD if there is one, else HEAD's full commit id. */
    @Override
    public Optional<String> activeVersion() {
        CommandOutput tag = runner.attemptTool(root, "git", "describe", "--tags", "--exact-match", "HEAD");
        if (tag.exitCode() == 0) {
            return Optional.of(CommandRunner.lastLine(tag));
        }
        return Optional.of(CommandRunner.lastLine(git(new ArrayList<>(), "rev-parse", "HEAD")));
    }

    @Override
    public List<Long> pids() {
        return lifecycle.pids();
    }

    @Override
    public Optional<Path> logFile() {
        return lifecycle.logFile();
    }

    private CommandOutput resolve(String version) {
        return runner.attemptTool(root, "git", "rev-parse", "--verify", "--quiet", version + "^{commit}");
    }

    private CommandOutput git(List<CommandOutput> commands, String... args) {
        CommandOutput output = runner.tool(root, "check the checkout by hand (`git status` in " + root + ")",
                "git", args);
        commands.add(output);
        return output;
    }

    private static String shortSha(String sha) {
        return sha.substring(0, Math.min(7, sha.length()));
    }
}

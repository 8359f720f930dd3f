package dev.rewind.core.driver;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * A releases directory: {@code root/releases/<version>/} for each version and the {@code root/current} link to the
 * active one (relative target {@code releases/<version>}), switched atomically by renaming a new link over it.
 */
final class ReleaseLink {

    private final Path root;
    private final Path current;

    ReleaseLink(Path root) {
        this.root = root;
        this.current = root.resolve("current");
    }

    /** What keeps {@code version} from being activated, or empty when its directory is there. */
    Optional<String> check(String version) {
        if (version.isEmpty() || version.contains("/") || version.equals(".") || version.equals("..")) {
            return Optional.of("'" + version + "' is not a release name (a directory name under " + releases() + ")");
        }
        Path dir = releases().resolve(version);
        return Files.isDirectory(dir) ? Optional.empty() : Optional.of("release directory " + dir + " is missing");
    }

    /** The file name of the link's target, when the link exists. */
    Optional<String> activeVersion() {
        if (!Files.isSymbolicLink(current)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readSymbolicLink(current).getFileName().toString());
        } catch (IOException e) {
            throw Failures.io("cannot read the link " + current, e, "check that Rewind may read " + root);
        }
    }

    /** The real path of the active release's directory, when there is one. */
    Optional<Path> activeDir() {
        try {
            return Files.exists(current) ? Optional.of(current.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            throw Failures.io("cannot resolve " + current, e, "check that Rewind may read " + root);
        }
    }

    /** Points {@code current} at {@code releases/<version>}; nothing changes when it already does. */
    DriverAction switchTo(String version) {
        check(version).ifPresent(problem -> {
            throw new RewindException(ErrorCode.FAILED, "cannot activate " + version + ": " + problem
                    + Failures.FIX + "deploy " + version + " into " + releases() + " first, or choose another release");
        });
        Optional<String> previous = activeVersion();
        if (previous.filter(version::equals).isPresent()) {
            return DriverAction.of(current + " already points to releases/" + version);
        }
        if (Files.exists(current, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(current)) {
            throw new RewindException(ErrorCode.FAILED, "cannot switch " + current + ": it is not a symbolic link"
                    + Failures.FIX + "move it into " + releases() + "/<version> and let Rewind manage the link");
        }
        Path tmp = root.resolve(".current." + UUID.randomUUID() + ".tmp");
        try {
            Files.createSymbolicLink(tmp, Path.of("releases", version));
            Files.move(tmp, current, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp, e);
            throw Failures.io("cannot switch " + current + " to releases/" + version, e,
                    "check that Rewind may write to " + root);
        }
        return DriverAction.of(current + " -> releases/" + version
                + previous.map(p -> " (was releases/" + p + ")").orElse(""));
    }

    private Path releases() {
        return root.resolve("releases");
    }

    private static void deleteQuietly(Path tmp, IOException failure) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Manifest paths: relative, {@code /}-separated, and never able to leave the directory they are resolved in. */
final class RelativePaths {

    private RelativePaths() {}

    /** The manifest path of {@code file} under {@code root}. */
    static String of(Path root, Path file) {
        Path relative = root.relativize(file);
        StringBuilder path = new StringBuilder();
        for (Path name : relative) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(name);
        }
        return path.toString();
    }

    /** {@code root/path}; refuses a path that is absolute, empty, or has {@code .} or {@code ..} parts. */
    static Path resolve(Path root, String path) {
        Path resolved = root;
        for (String name : path.split("/", -1)) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                throw badPath(path, null);
            }
            try {
                resolved = resolved.resolve(name);
            } catch (InvalidPathException e) {
                throw badPath(path, e);
            }
            if (!name.equals(resolved.getFileName().toString())) {
                throw badPath(path, null);
            }
        }
        return resolved;
    }

    private static RewindException badPath(String path, Exception cause) {
        return new RewindException(ErrorCode.FAILED, "bad manifest path '" + path + "': it must be relative, "
                + "with '/' between non-empty names and no '.' or '..', so the manifest is damaged"
                + "\n    fix: use another backup set (`rewind backups ENV --verify`)", cause);
    }
}

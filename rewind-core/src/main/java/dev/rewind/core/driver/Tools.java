package dev.rewind.core.driver;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the programs drivers run ({@code sh}, {@code setsid}, {@code kill}, {@code git}, {@code docker},
 * {@code systemctl}) on the {@code PATH} Rewind was given, not the JVM's own.
 */
final class Tools {

    private Tools() {}

    /** The executable {@code name} in the first directory of {@code env}'s {@code PATH} that holds one. */
    static String find(String name, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new RewindException(ErrorCode.FAILED, name + " not found on PATH (" + path + ")"
                + Failures.FIX + "install " + name + ", or add its directory to the PATH Rewind runs with");
    }
}

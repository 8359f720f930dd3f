package dev.rewind.core.report.internal;

import dev.rewind.core.backup.files.DirectoryNames;
import dev.rewind.core.report.DirectoryDifference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Compares a restored directory with the failed one a rollback kept beside it, by the files' relative paths. */
final class DirectoryComparison {

    /** How many paths only in the kept copy a report lists. */
    static final int LISTED = 20;

    private DirectoryComparison() {}

    /** The comparison; a directory that cannot be read is reported, not thrown. */
    static DirectoryDifference of(String datastore, Path projectDir, Path files, String runId, boolean swapped) {
        Path live = projectDir.resolve(files);
        Path kept = DirectoryNames.kept(live, runId);
        String liveName = shown(projectDir, live);
        String keptName = shown(projectDir, kept);
        if (!swapped) {
            return new DirectoryDifference(datastore, liveName, keptName, "not swapped: the live directory was not"
                    + " replaced, so nothing of it was lost", 0, 0, List.of(), 0);
        }
        if (!Files.isDirectory(kept)) {
            return new DirectoryDifference(datastore, liveName, keptName, "the kept directory is gone (pruned?)",
                    0, 0, List.of(), 0);
        }
        try {
            Set<String> keptFiles = files(kept);
            Set<String> liveFiles = Files.isDirectory(live) ? files(live) : Set.of();
            List<String> onlyInKept = keptFiles.stream().filter(f -> !liveFiles.contains(f)).toList();
            return new DirectoryDifference(datastore, liveName, keptName, null, keptFiles.size(), liveFiles.size(),
                    onlyInKept.subList(0, Math.min(LISTED, onlyInKept.size())), onlyInKept.size());
        } catch (IOException | UncheckedIOException e) {
            return new DirectoryDifference(datastore, liveName, keptName, "cannot read the directories: "
                    + e.getMessage(), 0, 0, List.of(), 0);
        }
    }

    private static Set<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            TreeSet<String> names = new TreeSet<>();
            walk.filter(Files::isRegularFile).forEach(f -> names.add(root.relativize(f).toString()));
            return names;
        }
    }

    /** Relative to the project when inside it, as the rollback names it. */
    private static String shown(Path projectDir, Path path) {
        Path base = projectDir.toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}

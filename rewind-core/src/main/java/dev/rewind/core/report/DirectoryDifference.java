package dev.rewind.core.report;

import java.util.List;

/**
 * A restored directory beside the failed one the swap kept, compared by the files' relative paths.
 *
 * @param datastore     the datastore's name
 * @param liveDirectory the live (restored) directory, relative to the project
 * @param keptDirectory where the failed live directory is kept, {@code <dir>.rewind-<run>}
 * @param problem       why the two could not be compared, or null
 * @param keptFiles     regular files in the kept copy
 * @param restoredFiles regular files in the restored directory
 * @param onlyInKept    the first 20 paths found only in the kept copy, sorted
 * @param onlyInKeptCount how many paths are only in the kept copy
 */
public record DirectoryDifference(String datastore, String liveDirectory, String keptDirectory, String problem,
                                  long keptFiles, long restoredFiles, List<String> onlyInKept, long onlyInKeptCount) {

    public DirectoryDifference {
        onlyInKept = List.copyOf(onlyInKept);
    }
}

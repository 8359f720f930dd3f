package dev.rewind.core.backup.files;

import java.nio.file.Path;

/**
 * What {@link DirectoryRestore#swap} did.
 *
 * @param outcome what happened this time
 * @param live    the live directory, now the restored copy
 * @param kept    where the previous live directory is kept for salvage (empty when there was none)
 */
public record SwapResult(Outcome outcome, Path live, Path kept) {

    /** Which state the swap found and finished. */
    public enum Outcome {
        /** Live was renamed to kept and staging to live. */
        SWAPPED,
        /** An earlier swap had stopped after renaming live to kept; staging was moved into place. */
        RESUMED,
        /** There was no live directory: kept was created empty to record that, and staging moved into place. */
        PLACED,
        /** Nothing to do: an earlier swap had finished. */
        ALREADY_SWAPPED
    }
}

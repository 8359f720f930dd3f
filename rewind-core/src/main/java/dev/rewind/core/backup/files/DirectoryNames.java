package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Names of the directories a restore makes beside a live directory {@code <dir>}: the staged copy
 * {@code <dir>.rewind-staging-<id>}, the kept failed state {@code <dir>.rewind-<id>} and a backup set's standby
 * {@code <dir>.rewind-standby-<set id>}. All are siblings of the live directory, so they are on its file system and a
 * rename between them is atomic.
 */
public final class DirectoryNames {

    static final String STAGING_INFIX = ".rewind-staging-";
    static final String KEPT_INFIX = ".rewind-";
    static final String STANDBY_INFIX = ".rewind-standby-";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private DirectoryNames() {}

    /** {@code <live>.rewind-<id>}: where the live directory is kept after a swap. */
    public static Path kept(Path live, String id) {
        return sibling(live, KEPT_INFIX, id);
    }

    /** {@code <live>.rewind-staging-<id>}: where a backup is staged before the swap. */
    public static Path staging(Path live, String id) {
        return sibling(live, STAGING_INFIX, id);
    }

    /** {@code <live>.rewind-standby-<set id>}: where a backup set is restored before any rollback asks for it. */
    public static Path standby(Path live, String setId) {
        return sibling(live, STANDBY_INFIX, setId);
    }

    /** The backup set a standby directory holds (the inverse of {@link #standby}). */
    public static String standbySetId(Path standby) {
        String name = standby.getFileName().toString();
        return name.substring(name.lastIndexOf(STANDBY_INFIX) + STANDBY_INFIX.length());
    }

    static boolean isStaging(Path dir) {
        return nameContains(dir, STAGING_INFIX);
    }

    public static boolean isStandby(Path dir) {
        return nameContains(dir, STANDBY_INFIX);
    }

    private static boolean nameContains(Path dir, String infix) {
        Path name = dir.getFileName();
        return name != null && name.toString().contains(infix);
    }

    private static Path sibling(Path live, String infix, String id) {
        if (id == null || !ID.matcher(id).matches() || id.startsWith("staging-") || id.startsWith("standby-")) {
            throw new RewindException(ErrorCode.FAILED, "bad id '" + id + "' for a directory beside " + live
                    + "\n    fix: use letters, digits, '-' and '_' (not starting with 'staging-' or 'standby-'),"
                    + " e.g. a run id");
        }
        Path absolute = live.toAbsolutePath().normalize();
        if (absolute.getFileName() == null || absolute.getParent() == null) {
            throw new RewindException(ErrorCode.FAILED, "the live directory " + live
                    + " has no parent to put a staged or kept copy beside\n    fix: use a directory below the root");
        }
        return absolute.resolveSibling(absolute.getFileName() + infix + id);
    }
}

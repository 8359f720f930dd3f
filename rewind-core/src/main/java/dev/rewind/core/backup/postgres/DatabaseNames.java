package dev.rewind.core.backup.postgres;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names of the databases Rewind makes beside a live database {@code <db>}, from a backup or run id
 * ({@code bak-20261121-093015-k3f9} becomes {@code bak_20261121_093015_k3f9}):
 * <ul>
 *   <li>shadow, a restore in progress: {@code <db>__rewind_shadow_<run id>}</li>
 *   <li>kept, the failed live database after a swap: {@code <db>__rewind_<run id>}</li>
 *   <li>clone backup: {@code <db>__rewind_bak_<backup id>}, the id's own {@code bak_} not repeated</li>
 *   <li>standby, a backup set restored ahead of a rollback: {@code <db>__rewind_standby_<backup id>}, the id's
 *       {@code bak_} not repeated ({@code shop__rewind_standby_20261121_093015_k3f9})</li>
 * </ul>
 * PostgreSQL silently truncates identifiers to 63 bytes. A name that would be longer is shortened
 * deterministically instead: {@code <db>} becomes its longest prefix that fits, {@code _} and the first 8 hex
 * digits of the SHA-256 of {@code <db>}, so the suffix (and its {@code __rewind_} marker) stays whole and two
 * databases sharing a long prefix still get different names. An id too long to fit at all is an error.
 */
public final class DatabaseNames {

    /** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
    public static final int MAX_BYTES = 63;

    private static final String MARKER = "__rewind_";
    private static final String SHADOW_MARKER = MARKER + "shadow_";
    private static final String CLONE_MARKER = MARKER + "bak_";
    private static final String STANDBY_MARKER = MARKER + "standby_";
    private static final int HASH_CHARS = 8;
    private static final int MIN_PREFIX_BYTES = 1;

    private DatabaseNames() {}

    /** {@code <db>__rewind_shadow_<id>}: where a restore is prepared. */
    public static String shadow(String database, String runId) {
        return name(database, SHADOW_MARKER + normalize(runId));
    }

    /** {@code <db>__rewind_<id>}: where the replaced live database is kept for salvage. */
    public static String kept(String database, String runId) {
        return name(database, MARKER + normalize(runId));
    }

    /** {@code <db>__rewind_bak_<id>}: a {@code clone} backup. */
    public static String cloneBackup(String database, String backupId) {
        return name(database, CLONE_MARKER + normalize(backupId).replaceFirst("^bak_", ""));
    }

    /** {@code <db>__rewind_standby_<id>}: a backup set's standby, restored before any rollback asks for it. */
    public static String standby(String database, String backupId) {
        return name(database, STANDBY_MARKER + normalize(backupId).replaceFirst("^bak_", ""));
    }

    /** Whether {@code name} is a shadow database's name, which Rewind drops to redo a restore. */
    public static boolean isShadow(String name) {
        return name.contains(SHADOW_MARKER);
    }

    /** Whether {@code name} is a standby's name, which Rewind drops when it prepares another standby. */
    public static boolean isStandby(String name) {
        return name.contains(STANDBY_MARKER);
    }

    /** Whether {@code name} is one of the names above made for {@code database} (shortened or not). */
    public static boolean belongsTo(String database, String name) {
        for (int at = name.indexOf(MARKER); at >= 0; at = name.indexOf(MARKER, at + 1)) {
            String suffix = name.substring(at);
            if (suffix.matches(MARKER + "[a-z0-9_]+") && fits(database, suffix)
                    && name.equals(name(database, suffix))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is a clone backup's name (which belongs to a backup set, not to prune's kept list). */
    public static boolean isCloneBackup(String name) {
        return name.contains(CLONE_MARKER);
    }

    private static String normalize(String id) {
        String normalized = id.toLowerCase(Locale.ROOT).replace('-', '_');
        if (!normalized.matches("[a-z0-9_]+")) {
            throw new RewindException(ErrorCode.USAGE, "Invalid id '" + id + "' for a database name" + Sql.FIX
                    + "use only letters, digits, '-' and '_', e.g. run-20261121-093015-k3f9");
        }
        return normalized;
    }

    private static boolean fits(String database, String suffix) {
        return bytes(database) + bytes(suffix) <= MAX_BYTES
                || MAX_BYTES - bytes(suffix) - 1 - HASH_CHARS >= MIN_PREFIX_BYTES;
    }

    private static String name(String database, String suffix) {
        int suffixBytes = bytes(suffix);
        if (bytes(database) + suffixBytes <= MAX_BYTES) {
            return database + suffix;
        }
        int room = MAX_BYTES - suffixBytes - 1 - HASH_CHARS;
        if (room < MIN_PREFIX_BYTES) {
            throw new RewindException(ErrorCode.USAGE, "The id in '" + suffix + "' is too long for a PostgreSQL"
                    + " database name (" + MAX_BYTES + " bytes at most)" + Sql.FIX + "use a shorter id");
        }
        return prefix(database, room) + "_" + hash(database) + suffix;
    }

    /** The longest prefix of {@code text} of at most {@code maxBytes} UTF-8 bytes, never splitting a character. */
    private static String prefix(String text, int maxBytes) {
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            int size = bytes(text.substring(end, next));
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            end = next;
        }
        return text.substring(0, end);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

package dev.rewind.core.backup.files;

import java.util.List;

/**
 * What a directory check found, each list sorted by manifest path.
 *
 * @param missing    in the manifest but not a regular file in the directory
 * @param altered    present, but its size or SHA-256 differs from the manifest
 * @param unexpected regular files in the directory that the manifest does not list (for a standby's re-check, also
 *                   directories, as {@code path/}, and symbolic links that the backup does not hold)
 */
public record VerifyResult(List<String> missing, List<String> altered, List<String> unexpected) {

    private static final int SHOWN = 5;

    public VerifyResult {
        missing = List.copyOf(missing);
        altered = List.copyOf(altered);
        unexpected = List.copyOf(unexpected);
    }

    /** True when every file is present and intact and nothing else is there. */
    public boolean ok() {
        return missing.isEmpty() && altered.isEmpty() && unexpected.isEmpty();
    }

    /** One line for messages, e.g. {@code 1 missing (a.txt), 2 altered (b.txt, c/d.txt)}; "ok" when ok. */
    public String summary() {
        if (ok()) {
            return "ok";
        }
        StringBuilder text = new StringBuilder();
        append(text, "missing", missing);
        append(text, "altered", altered);
        append(text, "unexpected", unexpected);
        return text.toString();
    }

    private static void append(StringBuilder text, String what, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(", ");
        }
        text.append(paths.size()).append(' ').append(what).append(" (")
                .append(String.join(", ", paths.subList(0, Math.min(SHOWN, paths.size()))))
                .append(paths.size() > SHOWN ? ", …)" : ")");
    }
}

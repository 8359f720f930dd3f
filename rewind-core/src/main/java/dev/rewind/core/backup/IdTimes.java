package dev.rewind.core.backup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When something named after a Rewind id was made: ids carry their UTC time ({@code run-20261121-093015-k3f9}),
 * and so do the databases and directories named after them ({@code shop__rewind_run_20261121_093015_k3f9}).
 */
public final class IdTimes {

    private static final Pattern STAMP = Pattern.compile("(\\d{8})[-_](\\d{6})");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private IdTimes() {}

    /** The time in the name, or null when it has none. */
    public static Instant of(String name) {
        Matcher m = STAMP.matcher(name);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDateTime.parse(m.group(1) + m.group(2), FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

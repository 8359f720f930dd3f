package dev.rewind.core.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code logs} check: a component's log from the offset where its restarted version began writing must hold no
 * line with {@code ERROR} or {@code Exception}. A log shorter than the offset was truncated since (copytruncate
 * rotation) and is read from its start; bytes that are not UTF-8 are read as replacement characters.
 */
final class LogVerification {

    /** Error lines quoted in a detail; the rest are counted. */
    private static final int SHOWN = 3;
    /** The longest quoted line. */
    private static final int LINE_MAX = 200;

    private LogVerification() {}

    static VerifyCheck check(String component, VerifyScope.LogRange log) {
        if (!Files.isRegularFile(log.file())) {
            return new VerifyCheck("logs", component, false, "the log " + log.file() + " does not exist");
        }
        try (FileChannel channel = FileChannel.open(log.file(), StandardOpenOption.READ)) {
            channel.position(log.fromOffset() <= channel.size() ? log.fromOffset() : 0);
            return judge(component, new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return new VerifyCheck("logs", component, false, "cannot read the log " + log.file() + ": " + e.getMessage());
        }
    }

    private static VerifyCheck judge(String component, BufferedReader reader) throws IOException {
        int lines = 0;
        int errors = 0;
        List<String> shown = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines++;
            if (line.contains("ERROR") || line.contains("Exception")) {
                errors++;
                if (shown.size() < SHOWN) {
                    shown.add(excerpt(line));
                }
            }
        }
        String read = " in " + lines + (lines == 1 ? " line" : " lines") + " since start";
        return errors == 0 ? new VerifyCheck("logs", component, true, "no error lines" + read)
                : new VerifyCheck("logs", component, false, errors + (errors == 1 ? " error line" : " error lines")
                        + read + ": " + String.join(" | ", shown) + (errors > SHOWN ? " | …" : ""));
    }

    private static String excerpt(String line) {
        String text = line.strip();
        return text.length() <= LINE_MAX ? text : text.substring(0, LINE_MAX - 1) + "…";
    }
}

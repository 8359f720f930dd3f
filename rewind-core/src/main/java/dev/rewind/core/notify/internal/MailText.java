package dev.rewind.core.notify.internal;

import dev.rewind.core.notify.Announcement;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An announcement as an email (RFC 5322): the message's first line is the subject, the whole message the UTF-8
 * plain-text body; CRLF line ends.
 */
public final class MailText {

    /** RFC 2047: an encoded word holds at most 75 characters, so at most 45 bytes of UTF-8 in base64. */
    private static final int ENCODED_WORD_BYTES = 45;

    private MailText() {}

    /** The message: headers, a blank line, the body. */
    public static String of(Announcement announcement, String text, String from, List<String> to) {
        String headers = String.join("\r\n",
                "From: " + from,
                "To: " + String.join(", ", to),
                "Subject: " + subject(Texts.title(announcement, text)),
                "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(announcement.at().atZone(ZoneOffset.UTC)),
                "Message-ID: <" + UUID.randomUUID() + "@rewind>",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit");
        return headers + "\r\n\r\n" + text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    /** ASCII as is; anything else as folded UTF-8 encoded words. */
    static String subject(String title) {
        if (title.chars().allMatch(c -> c >= ' ' && c < 127)) {
            return title;
        }
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        title.codePoints().forEach(codePoint -> {
            String next = chunk + Character.toString(codePoint);
            if (next.getBytes(StandardCharsets.UTF_8).length > ENCODED_WORD_BYTES) {
                words.add(encodedWord(chunk.toString()));
                chunk.setLength(0);
            }
            chunk.appendCodePoint(codePoint);
        });
        words.add(encodedWord(chunk.toString()));
        return String.join("\r\n ", words);
    }

    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}

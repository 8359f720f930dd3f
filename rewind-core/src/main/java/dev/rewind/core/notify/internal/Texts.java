package dev.rewind.core.notify.internal;

import dev.rewind.core.notify.Announcement;

/** Cutting messages into a title and a body, and down to a length limit. */
public final class Texts {

    private Texts() {}

    /** The title: the first line, or the event's id when that is blank (a subject or header is never empty). */
    public static String title(Announcement announcement, String text) {
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        return first.isEmpty() ? announcement.event().id() : first;
    }

    /** Everything after the first line. */
    public static String afterFirstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? "" : text.substring(end + 1).strip();
    }

    /** The text, cut to at most {@code limit} characters with an ellipsis, never inside a surrogate pair. */
    public static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}

package dev.rewind.core.notify.internal;

import dev.rewind.core.notify.Announcement;
import java.io.IOException;

/** One place announcements go. A send either delivers the message or throws, saying why. */
public interface Notifier {

    /** How deliveries and log lines name it, e.g. {@code slack}, {@code webhook https://hooks.example/rollback}. */
    String name();

    /** Delivers one message once; the caller retries. */
    void send(Announcement announcement, String text) throws IOException, InterruptedException;
}

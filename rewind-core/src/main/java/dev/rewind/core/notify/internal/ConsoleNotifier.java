package dev.rewind.core.notify.internal;

import dev.rewind.core.notify.Announcement;
import java.util.function.Consumer;

/** Hands the message to the caller's printer (the CLI's message line); not the steps, which the terminal shows itself. */
public record ConsoleNotifier(Consumer<String> console) implements Notifier {

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void send(Announcement announcement, String text) {
        if (announcement.event() != Announcement.Event.STEP_DONE) {
            console.accept(text);
        }
    }
}

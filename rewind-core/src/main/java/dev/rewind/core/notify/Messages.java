package dev.rewind.core.notify;

import com.samskivert.mustache.Template;
import dev.rewind.core.notify.Announcement.Event;
import dev.rewind.core.notify.internal.TemplateValues;
import dev.rewind.core.notify.internal.Templates;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders announcements as text, one Mustache template per event. The first line is the title (the email subject,
 * the Slack header). A project overrides a message with {@code templates/<event>.mustache} beside rewind.yaml, e.g.
 * {@code templates/rollback.started.mustache}. Missing values render as empty text; rendering never fails.
 *
 * <p>Templates see the announcement's values (see {@link Announcement}) and also {@code environment}, {@code run_id},
 * {@code event}, {@code at} and, when {@code checks} is given, {@code checks_summary}.
 */
public final class Messages {

    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    private final Map<Event, Template> overrides;

    private Messages(Map<Event, Template> overrides) {
        this.overrides = overrides;
    }

    /** The built-in messages. */
    public static Messages builtIn() {
        return new Messages(Map.of());
    }

    /** The messages of a project: its {@code templates/<event>.mustache} files, else the built-in ones. */
    public static Messages forProject(Path projectDir) {
        Map<Event, Template> overrides = new EnumMap<>(Event.class);
        for (Event event : Event.values()) {
            Templates.project(projectDir, event).ifPresent(template -> overrides.put(event, template));
        }
        return new Messages(overrides);
    }

    /**
     * The announcement's message. A project template that fails to render is logged and the built-in one used; if
     * that fails too (a value whose {@code toString()} throws), the message is just the event and the environment.
     */
    public String render(Announcement announcement) {
        Map<String, Object> values = TemplateValues.of(announcement);
        Template override = overrides.get(announcement.event());
        if (override != null) {
            try {
                return override.execute(values).strip();
            } catch (RuntimeException e) {
                LOG.warn("the project's {} template failed, the built-in one is used: {}", announcement.event(), e.getMessage());
            }
        }
        try {
            return Templates.builtIn(announcement.event()).execute(values).strip();
        } catch (RuntimeException e) {
            LOG.warn("cannot render the {} message: {}", announcement.event(), e.toString());
            return announcement.event().id() + " in " + announcement.environment();
        }
    }
}

package dev.rewind.core.notify.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.rewind.core.notify.Announcement.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the message templates: built in as {@code /notify/templates/<event>.mustache}, overridden by a project's
 * {@code templates/<event>.mustache}. Missing values render as empty text; nothing is HTML-escaped.
 */
public final class Templates {

    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .defaultValue("")
            .emptyStringIsFalse(true)
            .withFormatter(new ValueFormatter());
    private static final Map<Event, Template> BUILT_IN = loadBuiltIn();

    private Templates() {}

    /** The built-in template of an event. */
    public static Template builtIn(Event event) {
        return BUILT_IN.get(event);
    }

    /**
     * The project's template of an event, if {@code templates/<event>.mustache} exists in the project directory and
     * compiles; a file that cannot be read or compiled is logged and left out, so the built-in one is used.
     */
    public static Optional<Template> project(Path projectDir, Event event) {
        Path file = projectDir.resolve("templates").resolve(event.id() + ".mustache");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(COMPILER.compile(Files.readString(file)));
        } catch (IOException | MustacheException e) {
            LOG.warn("ignoring message template {}, the built-in one is used: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static Map<Event, Template> loadBuiltIn() {
        Map<Event, Template> templates = new EnumMap<>(Event.class);
        for (Event event : Event.values()) {
            String resource = "/notify/templates/" + event.id() + ".mustache";
            try (InputStream in = Templates.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in message template " + resource + " is missing from the jar");
                }
                templates.put(event, COMPILER.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in message template " + resource, e);
            }
        }
        return templates;
    }
}

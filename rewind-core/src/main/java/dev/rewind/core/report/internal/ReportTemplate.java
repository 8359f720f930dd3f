package dev.rewind.core.report.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.config.Durations;
import dev.rewind.core.report.IncidentReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Renders an incident report as Markdown with JMustache: the built-in {@value #RESOURCE}, or
 * {@value #OVERRIDE} beside rewind.yaml. Values are formatted for people (instants in UTC to the millisecond,
 * durations as {@code 1m30s}, booleans as yes/no, lists joined by commas) and made safe in a table cell.
 */
public final class ReportTemplate {

    public static final String RESOURCE = "/report/incident.md.mustache";
    public static final String OVERRIDE = "templates/incident.md.mustache";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .withEscaper(ReportTemplate::cell)
            .withFormatter(ReportTemplate::format)
            .nullValue("-");
    private static final Template BUILT_IN = COMPILER.compile(builtIn());

    private ReportTemplate() {}

    /** The report in the project's template if {@code projectDir} (may be null) has one, else in the built-in one. */
    public static String render(IncidentReport report, Path projectDir) {
        Path custom = projectDir == null ? null : projectDir.resolve(OVERRIDE);
        if (custom == null || !Files.isRegularFile(custom)) {
            return BUILT_IN.execute(report);
        }
        try {
            return COMPILER.compile(Files.readString(custom)).execute(report);
        } catch (IOException | MustacheException e) {
            throw new RewindException(ErrorCode.CONFIG, "cannot render the incident report with " + custom + ": "
                    + e.getMessage() + "\n    fix: correct the template, or delete it to use the built-in one", e);
        }
    }

    static String format(Object value) {
        return switch (value) {
            case Instant instant -> TIME.format(instant);
            case Duration duration -> Durations.format(duration);
            case Boolean bool -> bool ? "yes" : "no";
            case Map<?, ?> map -> map.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .sorted().collect(Collectors.joining(", "));
            case Iterable<?> items -> StreamSupport.stream(items.spliterator(), false).map(ReportTemplate::format)
                    .collect(Collectors.joining(", "));
            default -> String.valueOf(value);
        };
    }

    /** Keeps a value inside its Markdown table cell: pipes escaped, line breaks as {@code <br>}. */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>");
    }

    private static String builtIn() {
        try (InputStream in = ReportTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the rewind-core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

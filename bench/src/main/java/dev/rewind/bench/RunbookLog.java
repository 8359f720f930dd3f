package dev.rewind.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the runbook's scripts printed: one {@code TIMESTAMP [LEVEL] MESSAGE} line per event (bench/runbook/common.sh);
 * other lines (banners) are left out. The benchmark times the runbook by these lines.
 */
record RunbookLog(List<Line> lines) {

    /** monitor.sh, on the third failed health check in a row. */
    static final String DECISION = "3 consecutive health check failures";
    /** rollback.sh's first step. */
    static final String FIRST_STEP = "Pre-flight checks";
    /** rollback.sh, as it stops the services. */
    static final String STOPPING = "Step 3: Stopping all services";
    /** rollback.sh, once /health answers 200 again. */
    static final String HEALTHY = "Service backend is healthy";
    /** rollback.sh, once its verification passed. */
    static final String COMPLETE = "Rollback Complete";

    private static final Pattern LINE = Pattern.compile("(\\S+Z) \\[([A-Z]+)] (.*)");

    record Line(Instant at, String level, String message) {}

    RunbookLog {
        lines = List.copyOf(lines);
    }

    static RunbookLog parse(String output) {
        List<Line> lines = new ArrayList<>();
        for (String text : output.lines().toList()) {
            Matcher matcher = LINE.matcher(text);
            if (matcher.matches()) {
                lines.add(new Line(Instant.parse(matcher.group(1)), matcher.group(2), matcher.group(3)));
            }
        }
        return new RunbookLog(lines);
    }

    /** When the first line starting with {@code message} was printed; fails when none was. */
    Instant at(String message) {
        return lines.stream().filter(line -> line.message().startsWith(message)).findFirst().map(Line::at)
                .orElseThrow(() -> new IllegalStateException("the runbook's scripts printed no line \"" + message
                        + "…\"; they printed:\n" + String.join("\n", lines.stream().map(Line::toString).toList())));
    }

    /** The rollback's steps: from each {@code [STEP]} line to the next, up to {@link #COMPLETE}. */
    List<Measured.Part> steps() {
        List<Line> steps = lines.stream().filter(line -> line.level().equals("STEP")).toList();
        List<Measured.Part> parts = new ArrayList<>();
        for (int i = 0; i + 1 < steps.size(); i++) {
            parts.add(new Measured.Part(steps.get(i).message(),
                    Duration.between(steps.get(i).at(), steps.get(i + 1).at())));
        }
        return parts;
    }
}

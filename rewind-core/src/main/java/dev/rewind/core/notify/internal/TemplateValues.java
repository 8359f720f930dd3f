package dev.rewind.core.notify.internal;

import dev.rewind.core.notify.Announcement;
import dev.rewind.core.verify.VerifyCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a template sees: the announcement's values, plus {@code environment}, {@code run_id}, {@code event} and
 * {@code at} unless the values set them, plus {@code checks_summary} ({@code all 5 checks passing},
 * {@code 2 of 5 checks failing: smoke jobs, sql jobs-table}) when {@code checks} is a list.
 */
public final class TemplateValues {

    private TemplateValues() {}

    /** The template context of an announcement. */
    public static Map<String, Object> of(Announcement announcement) {
        Map<String, Object> context = new HashMap<>(announcement.values());
        context.putIfAbsent("environment", announcement.environment());
        if (announcement.runId() != null) {
            context.putIfAbsent("run_id", announcement.runId());
        }
        context.putIfAbsent("event", announcement.event().id());
        context.putIfAbsent("at", announcement.at().toString());
        if (context.get("checks") instanceof List<?> checks) {
            context.putIfAbsent("checks_summary", summary(checks));
        }
        return context;
    }

    private static String summary(List<?> checks) {
        if (checks.isEmpty()) {
            return "no checks ran";
        }
        List<String> failing = checks.stream().filter(check -> !passed(check)).map(TemplateValues::name).toList();
        if (failing.isEmpty()) {
            return "all " + checks.size() + (checks.size() == 1 ? " check passing" : " checks passing");
        }
        return failing.size() + " of " + checks.size() + " checks failing: " + String.join(", ", failing);
    }

    /** A check is a {@link VerifyCheck} or a map with {@code name}, {@code ok} and {@code detail}. */
    private static boolean passed(Object check) {
        return switch (check) {
            case VerifyCheck c -> c.ok();
            case Map<?, ?> m -> Boolean.TRUE.equals(m.get("ok"));
            default -> false;
        };
    }

    private static String name(Object check) {
        return switch (check) {
            case VerifyCheck c -> c.kind() + " " + c.name();
            case Map<?, ?> m -> Objects.toString(m.get("name"), "?");
            default -> String.valueOf(check);
        };
    }
}

package dev.rewind.core.notify;

import dev.rewind.core.config.ConfigLoader;
import dev.rewind.core.config.EnvironmentConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Configs and announcements for the notifier tests. */
final class NotifyFixture {

    static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");
    static final Notifiers.Options FAST = new Notifiers.Options(Duration.ofSeconds(2), 3, Duration.ofMillis(10));

    private NotifyFixture() {}

    /** The production environment with the given {@code notify:} list (YAML flow or block, indented for the key). */
    static EnvironmentConfig env(String notify) {
        String yaml = """
                project: shop
                environments:
                  production:
                    components: { api: { driver: process, start: ./api } }
                """ + (notify.isEmpty() ? "" : "    notify:\n" + notify.indent(6));
        return ConfigLoader.parse("rewind.yaml", yaml, Map.of()).environments().get("production");
    }

    static Announcement rollbackStarted() {
        return new Announcement(Announcement.Event.ROLLBACK_STARTED, "production", "r-42", AT, Map.of(
                "current_version", "v2.0.1",
                "target_version", "v2.0.0",
                "reason", "error rate 12% > 10% for 10m",
                "eta", "1m"));
    }

    static Announcement stepDone(String step, Duration took) {
        return new Announcement(Announcement.Event.STEP_DONE, "production", "r-42", AT, Map.of("step", step, "duration", took));
    }

    static Announcement rollbackCompleted() {
        return new Announcement(Announcement.Event.ROLLBACK_COMPLETED, "production", "r-42", AT, Map.of(
                "target_version", "v2.0.0",
                "downtime", Duration.ofMillis(4200)));
    }
}

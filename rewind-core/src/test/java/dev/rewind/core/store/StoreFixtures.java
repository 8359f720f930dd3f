package dev.rewind.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records with every field filled, for the state store tests. */
final class StoreFixtures {

    static final Instant T0 = Instant.parse("2026-11-21T09:30:15.123Z");

    private StoreFixtures() {}

    static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Map<String, String> artifacts() {
        Map<String, String> artifacts = new LinkedHashMap<>();
        artifacts.put("web", "registry.example.com/shop/web:1.4.2");
        artifacts.put("worker", "1.4.2");
        artifacts.put("migrations", "V42 \"quoted\" é ✓");
        return artifacts;
    }

    static Release release(String environment, Instant at, ReleaseStatus status) {
        return new Release(Ids.release(), environment, "1.4.2", artifacts(), "alice", at, "42", status,
                "bak-20261121-092900-abcd", "hotfix for checkout");
    }

    static BackupSet backupSet(String environment, Instant at) {
        return new BackupSet(Ids.backup(), environment, "rel-20261121-092000-abcd", at, BackupStatus.TAKING, 0,
                null);
    }

    static BackupItem backupItem(String backupId, String datastore) {
        return new BackupItem(backupId, datastore, "postgres", "pg_dump", "/backups/" + backupId + "/" + datastore,
                123_456_789_012L, 3, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    static Run run(String environment, Instant at, RunStatus status) {
        return new Run(Ids.run(), environment, RunKind.ROLLBACK, status, "bob", at, null,
                "rel-20261121-093000-aaaa", "rel-20261120-080000-bbbb", null, "{\"steps\":[\"stop\",\"restore\"]}",
                null);
    }

    static RunStep step(String runId, int seq, StepStatus status) {
        return new RunStep(runId, seq, "restore:db", status, minutes(seq), null, null, null);
    }

    static Decision decision(String environment, Instant at, String action) {
        return new Decision(Ids.decision(), environment, "rel-20261121-093000-aaaa", at, action,
                "[{\"rule\":\"error_rate\",\"value\":0.12,\"threshold\":0.05,\"fired\":true}]", null);
    }

    static Hold hold(String environment, Instant createdAt, Instant expiresAt) {
        return new Hold(Ids.hold(), environment, "investigating a false alarm", "carol", createdAt, expiresAt,
                null, null);
    }

    static Event event(String environment, Instant at, String action, String subject) {
        return new Event(Ids.event(), at, "dave", environment, action, subject, "{\"reason\":\"probe failed\"}");
    }
}

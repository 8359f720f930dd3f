package dev.rewind.sampleapp;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The /health answer, in the seed runbook's format:
 * {@code {"status":"ok","version":"v2","uptime_seconds":12,"components":{...},"checks":{"can_deploy":true}}}.
 */
public record Health(String status, String version, long uptimeSeconds, Components components, Checks checks) {

    public static final String OK = "ok";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";

    public static Health of(String version, long uptimeSeconds, Components components) {
        boolean ok = components.allHealthy();
        return new Health(ok ? OK : UNHEALTHY, version, uptimeSeconds, components, new Checks(ok));
    }

    public boolean ok() {
        return status.equals(OK);
    }

    public record Components(Component database, Component migrations, Component files) {
        boolean allHealthy() {
            return database.passes() && migrations.passes() && files.passes();
        }

        public Components withDatabase(Component replacement) {
            return new Components(replacement, migrations, files);
        }
    }

    /** One component; fields that do not apply to it are left out of the JSON. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Component(String status, Double latencyMs, Integer applied, Integer criticalPending, String reason) {

        public static Component healthy() {
            return new Component(HEALTHY, null, null, null, null);
        }

        public static Component unhealthy(String reason) {
            return new Component(UNHEALTHY, null, null, null, reason);
        }

        public static Component database(double latencyMs) {
            return new Component(HEALTHY, Math.round(latencyMs * 10) / 10.0, null, null, null);
        }

        public static Component migrations(MigrationHistory.Status status) {
            boolean done = status.criticalPending() == 0;
            String reason = done ? null : status.criticalPending() + " migration(s) this version needs are not applied";
            return new Component(done ? HEALTHY : UNHEALTHY, null, status.applied(), status.criticalPending(), reason);
        }

        boolean passes() {
            return status.equals(HEALTHY);
        }
    }

    public record Checks(boolean canDeploy) {}
}

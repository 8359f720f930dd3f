package dev.rewind.cli.demo;

import java.time.Duration;
import java.util.List;

/**
 * What {@code rewind demo} did ({@code --json}).
 *
 * @param directory      the demo project
 * @param strategy       the database backup strategy used, {@code dump} or {@code clone}
 * @param strategyReason why that one
 * @param appUrl         where the shop serves (while it runs)
 * @param postgresPort   the embedded PostgreSQL's port
 * @param timeline       what happened, as offsets from the demo's start
 * @param deployRunId    the deploy of v2, whose report covers its rollback
 * @param trigger        what made the deploy of v2 roll back
 * @param rollbackRunId  the automatic rollback
 * @param rollbackStatus {@code succeeded} or {@code failed}
 * @param downtime       first component stopped → healthy again, in the rollback
 * @param servingVersion the version serving at the end (v1 when all went well)
 * @param itemsLive      items in the live database at the end: those written under v1
 * @param keptDatabase   where the rollback kept v2's database
 * @param itemsKept      items in the kept database: v1's and the ones written under v2
 * @param report         the incident report (Markdown)
 * @param duration       the whole demo
 * @param running        true under {@code --keep}: PostgreSQL and the shop still run
 */
public record DemoResult(String directory, String strategy, String strategyReason, String appUrl, int postgresPort,
                         List<Moment> timeline, String deployRunId, String trigger, String rollbackRunId, String rollbackStatus,
                         Duration downtime, String servingVersion, long itemsLive, String keptDatabase, long itemsKept,
                         String report, Duration duration, boolean running) {

    /** Something that happened, {@code at} after the demo began. */
    public record Moment(Duration at, String event) {}

    public boolean succeeded() {
        return "succeeded".equals(rollbackStatus) && "v1".equals(servingVersion);
    }
}

package dev.rewind.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One deployed copy of the system ({@code production}, {@code staging}…) with its own policy.
 *
 * @param confirm    a rollback asks for the environment's name before it acts
 * @param rto        recovery time objective; reports compare the measured recovery against it (null: none set)
 * @param keep       how many backup sets to keep (the live and previous releases' sets are always kept)
 * @param watch      how long {@code deploy} watches a new release before calling it live
 * @param probeRetry after a failed probe, probe again this soon (never later than the probe's own interval), so
 *                   consecutive failures are seen in seconds
 * @param components the deployable units, by name
 * @param datastores the state a rollback restores, by name
 * @param metrics    where metrics come from (null: derived from the probes)
 * @param policy     the rules that decide a rollback (empty: the default policy)
 * @param verify     the checks after a rollback, beyond the probes
 * @param notifiers  where announcements go (YAML key {@code notify})
 * @param hooks      commands a deploy runs
 * @param minFreeDisk the free disk a deploy needs where the backups go, at least (default 5GB, seed 004); a deploy
 *                    also needs twice the last backup's size
 */
public record EnvironmentConfig(
        boolean confirm,
        Duration rto,
        Integer keep,
        Duration watch,
        Duration probeRetry,
        @Required Map<String, ComponentConfig> components,
        Map<String, DatastoreConfig> datastores,
        MetricsConfig metrics,
        List<RuleConfig> policy,
        VerifyConfig verify,
        @Key("notify") List<NotifierConfig> notifiers,
        HooksConfig hooks,
        ByteSize minFreeDisk) {

    public static final int DEFAULT_KEEP = 10;
    public static final Duration DEFAULT_WATCH = Duration.ofMinutes(10);
    public static final Duration DEFAULT_PROBE_RETRY = Duration.ofSeconds(1);
    public static final ByteSize DEFAULT_MIN_FREE_DISK = ByteSize.gigabytes(5);

    public EnvironmentConfig {
        if (keep != null && keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        keep = keep == null ? DEFAULT_KEEP : keep;
        watch = watch == null ? DEFAULT_WATCH : watch;
        if (probeRetry != null && (probeRetry.isZero() || probeRetry.isNegative())) {
            throw new IllegalArgumentException("probe_retry must be positive, was " + probeRetry);
        }
        probeRetry = probeRetry == null ? DEFAULT_PROBE_RETRY : probeRetry;
        components = components == null ? Map.of() : components;
        datastores = datastores == null ? Map.of() : datastores;
        policy = policy == null ? List.of() : policy;
        verify = verify == null ? new VerifyConfig(null, null) : verify;
        notifiers = notifiers == null ? List.of() : notifiers;
        hooks = hooks == null ? new HooksConfig(null, null) : hooks;
        minFreeDisk = minFreeDisk == null ? DEFAULT_MIN_FREE_DISK : minFreeDisk;
    }
}

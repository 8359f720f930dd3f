package dev.rewind.core.report.internal;

import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import dev.rewind.core.report.DataLoss;
import dev.rewind.core.report.DatabaseDifference;
import dev.rewind.core.report.DirectoryDifference;
import dev.rewind.core.store.BackupSet;
import dev.rewind.core.store.RunStep;
import dev.rewind.core.store.StepStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Seed 004's data-loss assessment for a rollback: the window from the backup to the swap, and for every restored
 * datastore where its failed state is kept and how it differs from what was restored.
 */
public final class DataLossAssessment {

    private DataLossAssessment() {}

    /** The assessment, or null when the rollback restored no datastore. */
    public static DataLoss of(Incident incident, BackupSet backup, EnvironmentConfig env, Path projectDir) {
        if (incident.plan() == null || backup == null || incident.plan().datastores().isEmpty()) {
            return null;
        }
        String runId = incident.rollback().id();
        List<DatabaseDifference> databases = new ArrayList<>();
        List<DirectoryDifference> directories = new ArrayList<>();
        for (String datastore : incident.plan().datastores()) {
            boolean swapped = incident.done("swap " + datastore);
            DatastoreConfig config = env == null ? null : env.datastores().get(datastore);
            switch (config) {
                case DatastoreConfig.Postgres pg ->
                        databases.add(DatabaseComparison.of(datastore, pg.postgres(), runId, swapped));
                case DatastoreConfig.Files files ->
                        directories.add(DirectoryComparison.of(datastore, projectDir, files.files(), runId, swapped));
                case null -> databases.add(new DatabaseDifference(datastore, null, null, "no longer in rewind.yaml:"
                        + " cannot tell where its failed state is kept", List.of()));
            }
        }
        Instant swappedAt = incident.rollbackSteps().stream()
                .filter(s -> s.name().startsWith("swap ") && s.status() == StepStatus.DONE)
                .map(RunStep::finishedAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        return new DataLoss(backup.createdAt(), swappedAt,
                swappedAt == null ? null : Duration.between(backup.createdAt(), swappedAt), databases, directories);
    }
}

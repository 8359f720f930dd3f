package dev.rewind.core.verify;

import dev.rewind.core.RewindException;
import dev.rewind.core.backup.BackupManifest;
import dev.rewind.core.backup.TableCount;
import dev.rewind.core.backup.files.DirectoryVerifier;
import dev.rewind.core.backup.postgres.CountMismatch;
import dev.rewind.core.backup.postgres.ShadowRestore;
import dev.rewind.core.config.DatastoreConfig;
import dev.rewind.core.config.EnvironmentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Compares the live datastores of a scope with the backup set that was restored into them: every table with the
 * manifest's exact row count ({@code tables}), every file with the manifest's size and SHA-256 and no other file
 * ({@code files}).
 */
final class DatastoreVerification {

    /** Mismatched tables named in a detail; the rest are counted. */
    private static final int SHOWN = 5;

    private final EnvironmentConfig env;
    private final Path projectDir;

    DatastoreVerification(EnvironmentConfig env, Path projectDir) {
        this.env = env;
        this.projectDir = projectDir;
    }

    /** The {@code tables} checks, then the {@code files} checks, in manifest order; none without a manifest. */
    List<VerifyCheck> check(VerifyScope scope) {
        if (scope.manifest() == null) {
            return List.of();
        }
        List<BackupManifest.Item> items = scope.manifest().items().stream()
                .filter(item -> scope.datastores().contains(item.datastore()))
                .toList();
        List<VerifyCheck> checks = new ArrayList<>();
        items.stream().filter(item -> "postgres".equals(item.kind())).forEach(item -> checks.add(tables(item)));
        items.stream().filter(item -> "files".equals(item.kind())).forEach(item -> checks.add(files(item)));
        return checks;
    }

    private VerifyCheck tables(BackupManifest.Item item) {
        if (!(env.datastores().get(item.datastore()) instanceof DatastoreConfig.Postgres pg)) {
            return notConfigured("tables", item);
        }
        List<CountMismatch> mismatches;
        try {
            mismatches = ShadowRestore.checkCounts(pg.postgres(), pg.postgres().database(), item.tables());
        } catch (RewindException e) {
            return new VerifyCheck("tables", item.datastore(), false, e.getMessage());
        }
        if (!mismatches.isEmpty()) {
            return new VerifyCheck("tables", item.datastore(), false, describe(mismatches));
        }
        long rows = item.tables().stream().mapToLong(TableCount::rows).sum();
        return new VerifyCheck("tables", item.datastore(), true, String.format(Locale.ROOT,
                "%d %s with the manifest's row counts (%,d rows)", item.tables().size(),
                item.tables().size() == 1 ? "table" : "tables", rows));
    }

    private VerifyCheck files(BackupManifest.Item item) {
        if (!(env.datastores().get(item.datastore()) instanceof DatastoreConfig.Files files)) {
            return notConfigured("files", item);
        }
        Path live = projectDir.resolve(files.files());
        if (!Files.isDirectory(live)) {
            return new VerifyCheck("files", item.datastore(), false, "the live directory " + live + " does not exist");
        }
        var found = DirectoryVerifier.verify(live, item.files());
        String matched = String.format(Locale.ROOT, "%d files match the manifest (%,d bytes)", item.files().size(),
                item.sizeBytes());
        return new VerifyCheck("files", item.datastore(), found.ok(), found.ok() ? matched : found.summary());
    }

    private static String describe(List<CountMismatch> mismatches) {
        String shown = mismatches.stream().limit(SHOWN).map(CountMismatch::describe).collect(Collectors.joining("; "));
        return mismatches.size() > SHOWN ? shown + "; and " + (mismatches.size() - SHOWN) + " more" : shown;
    }

    private static VerifyCheck notConfigured(String kind, BackupManifest.Item item) {
        return new VerifyCheck(kind, item.datastore(), false, "the environment has no " + item.kind()
                + " datastore '" + item.datastore() + "' any more, so it cannot be compared with the backup");
    }
}

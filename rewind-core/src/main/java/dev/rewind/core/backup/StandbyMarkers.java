package dev.rewind.core.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import dev.rewind.core.driver.AtomicFiles;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standby markers of a project, {@code .rewind/standby/<environment>.json}, each written whole and durably
 * ({@link AtomicFiles}) or not at all. Losing one loses nothing but the standby's use: a rollback without a marker
 * restores from the backup set, and an unreadable one (torn by a crash before markers were forced to disk, or edited)
 * counts as no ready standby.
 */
final class StandbyMarkers {

    static final Path DIRECTORY = Path.of(".rewind", "standby");
    private static final Logger LOG = LoggerFactory.getLogger(StandbyMarkers.class);

    private final Path dir;

    StandbyMarkers(Path projectDir) {
        this.dir = projectDir.resolve(DIRECTORY);
    }

    /** The environment's marker; fails, saying why, when it cannot be read. */
    Optional<StandbyMarker> read(String environment) {
        Path file = file(environment);
        Optional<String> text;
        try {
            text = AtomicFiles.read(file);
        } catch (RewindException e) {
            throw failure("cannot be read: " + e.getMessage(), file, e);
        }
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Json.mapper().readValue(text.get(), StandbyMarker.class));
        } catch (JsonProcessingException e) {
            throw failure("is not readable JSON: " + e.getOriginalMessage(), file, e);
        }
    }

    /** The environment's marker, or empty with a warning when it cannot be read: no standby is then ready. */
    Optional<StandbyMarker> readOrWarn(String environment) {
        try {
            return read(environment);
        } catch (RewindException e) {
            LOG.warn("{}", e.getMessage());
            return Optional.empty();
        }
    }

    void write(StandbyMarker marker) {
        AtomicFiles.write(file(marker.environment()), Json.write(marker));
    }

    void delete(String environment) {
        AtomicFiles.delete(file(environment));
    }

    private Path file(String environment) {
        return dir.resolve(environment + ".json");
    }

    private static RewindException failure(String what, Path file, Exception e) {
        return new RewindException(ErrorCode.FAILED, "the standby marker " + file + " " + what + "; no standby is"
                + " ready\n    fix: prepare the standby again with `rewind backup ENV --standby` (it replaces the"
                + " marker), or delete it", e);
    }
}

package dev.rewind.core.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rewind.core.ErrorCode;
import dev.rewind.core.Json;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The standby markers of a project, {@code .rewind/standby/<environment>.json}, each written whole (a temporary file,
 * then an atomic rename) or not at all. Losing one loses nothing but the standby's use: a rollback without a marker
 * restores from the backup set.
 */
final class StandbyMarkers {

    static final Path DIRECTORY = Path.of(".rewind", "standby");

    private final Path dir;

    StandbyMarkers(Path projectDir) {
        this.dir = projectDir.resolve(DIRECTORY);
    }

    Optional<StandbyMarker> read(String environment) {
        Path file = file(environment);
        try {
            return Optional.of(Json.mapper().readValue(Files.readString(file), StandbyMarker.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw failure("is not readable JSON: " + e.getOriginalMessage(), file, e);
        } catch (IOException e) {
            throw failure("cannot be read: " + e, file, e);
        }
    }

    void write(StandbyMarker marker) {
        Path file = file(marker.environment());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.writeString(temporary, Json.write(marker));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failure("cannot be written: " + e, file, e);
        }
    }

    void delete(String environment) {
        Path file = file(environment);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure("cannot be removed: " + e, file, e);
        }
    }

    private Path file(String environment) {
        return dir.resolve(environment + ".json");
    }

    private static RewindException failure(String what, Path file, IOException e) {
        return new RewindException(ErrorCode.FAILED, "the standby marker " + file + " " + what
                + "\n    fix: delete it (the standby is then not used) and prepare the standby again with `rewind"
                + " backup ENV --standby`", e);
    }
}

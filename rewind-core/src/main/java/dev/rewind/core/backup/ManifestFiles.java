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

/** Reads and writes {@code manifest.json}; a write is atomic (temporary file, then rename). */
public final class ManifestFiles {

    private ManifestFiles() {}

    public static void write(Path file, BackupManifest manifest) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temporary, Json.write(manifest));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot write the backup manifest " + file + ": " + e
                    + "\n    fix: check that the backups directory is writable and the disk is not full", e);
        }
    }

    public static BackupManifest read(Path file) {
        try {
            return Json.mapper().readValue(Files.readString(file), BackupManifest.class);
        } catch (NoSuchFileException e) {
            throw new RewindException(ErrorCode.FAILED, "the backup manifest " + file + " is missing: the set is incomplete"
                    + "\n    fix: use another backup set (`rewind backups ENV`), or take a new one with `rewind backup ENV`", e);
        } catch (JsonProcessingException e) {
            throw new RewindException(ErrorCode.FAILED, "the backup manifest " + file + " is not readable JSON: "
                    + e.getOriginalMessage() + "\n    fix: the set is damaged; use another backup set", e);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot read the backup manifest " + file + ": " + e, e);
        }
    }
}

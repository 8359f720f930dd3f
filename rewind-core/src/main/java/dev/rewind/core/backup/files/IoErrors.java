package dev.rewind.core.backup.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Short, human descriptions of I/O failures for error messages: what went wrong and on which file. */
final class IoErrors {

    private IoErrors() {}

    static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String what = switch (fs) {
                case NoSuchFileException ignored -> "no such file";
                case AccessDeniedException ignored -> "permission denied";
                case FileAlreadyExistsException ignored -> "already exists";
                default -> fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
            };
            return what + (fs.getFile() != null ? ": " + fs.getFile() : "")
                    + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}

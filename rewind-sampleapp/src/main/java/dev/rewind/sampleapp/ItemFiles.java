package dev.rewind.sampleapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Item bodies as files, {@code DIR/items/<id>.txt}, when the app runs with {@code --files DIR}. */
public final class ItemFiles {

    private final Path root;

    public ItemFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Creates {@code DIR/items} if missing. */
    public void prepare() throws IOException {
        Files.createDirectories(root.resolve("items"));
    }

    /** Healthy when the directory exists and this process may write into it. */
    public boolean writable() {
        return Files.isDirectory(root) && Files.isWritable(root);
    }

    public void write(long id, String body) throws IOException {
        prepare();
        Files.writeString(path(id), body, StandardCharsets.UTF_8);
    }

    public Optional<String> read(long id) throws IOException {
        Path path = path(id);
        return Files.exists(path) ? Optional.of(Files.readString(path, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private Path path(long id) {
        return root.resolve("items").resolve(id + ".txt");
    }
}

package dev.rewind.core.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The compose override file of an environment, {@code services: {<service>: {image: <image>:<version>}}}: the image
 * each of its compose components is pinned to. Components share the file, so an update reads it, changes one entry
 * and writes it back atomically, one update at a time.
 */
final class ComposeOverride {

    private static final String REWRITE = "delete it, then activate every compose component of the environment again";
    private static final Object LOCK = new Object();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private final Path file;

    ComposeOverride(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The image the service is pinned to. */
    Optional<String> image(String service) {
        return Optional.ofNullable(read().path("services").path(service).get("image")).map(JsonNode::asText);
    }

    /** Pins the service to {@code image}; false when it already was. */
    boolean pin(String service, String image) {
        synchronized (LOCK) {
            ObjectNode root = read();
            ObjectNode entry = root.withObjectProperty("services").withObjectProperty(service);
            if (image.equals(entry.path("image").asText(null))) {
                return false;
            }
            entry.put("image", image);
            try {
                AtomicFiles.write(file, YAML.writeValueAsString(root));
            } catch (IOException e) {
                throw Failures.io("cannot write " + file, e, "check that Rewind may write to " + file.getParent());
            }
            return true;
        }
    }

    private ObjectNode read() {
        Optional<String> text = AtomicFiles.read(file);
        if (text.isEmpty() || text.get().isBlank()) {
            return YAML.createObjectNode();
        }
        try {
            JsonNode node = YAML.readTree(text.get());
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw Failures.io("cannot read " + file + " as YAML", e, REWRITE);
        }
        throw new RewindException(ErrorCode.FAILED, file
                + " is not a compose override (a mapping with `services:`)"
                + Failures.FIX + REWRITE);
    }
}

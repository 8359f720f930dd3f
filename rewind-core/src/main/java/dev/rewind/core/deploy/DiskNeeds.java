package dev.rewind.core.deploy;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The free space a deploy needs, per file system: what it will write there, summed where paths share a disk. */
final class DiskNeeds {

    private final Map<FileStore, Need> needs = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** {@code bytes} will be written at {@code path} (or its nearest existing parent), for {@code reason}. */
    DiskNeeds add(Path path, long bytes, String reason) {
        Path dir = path.toAbsolutePath();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        try {
            Path at = dir;
            needs.merge(Files.getFileStore(dir), new Need(at, bytes, List.of(reason)), Need::plus);
        } catch (IOException e) {
            problems.add("cannot read the free disk at " + dir + ": " + e.getMessage());
        }
        return this;
    }

    /** One line per file system with less free space than it needs, naming what needs it. */
    List<String> problems() {
        List<String> out = new ArrayList<>(problems);
        needs.forEach((store, need) -> {
            try {
                long free = store.getUsableSpace();
                if (free < need.bytes()) {
                    out.add("only " + free / (1 << 20) + " MiB free at " + need.at() + "; a deploy needs "
                            + need.bytes() / (1 << 20) + " MiB there (" + String.join(", ", need.reasons()) + ")");
                }
            } catch (IOException e) {
                out.add("cannot read the free disk at " + need.at() + ": " + e.getMessage());
            }
        });
        return out;
    }

    private record Need(Path at, long bytes, List<String> reasons) {
        Need plus(Need other) {
            List<String> both = new ArrayList<>(reasons);
            both.addAll(other.reasons);
            return new Need(at, bytes + other.bytes, both);
        }
    }
}

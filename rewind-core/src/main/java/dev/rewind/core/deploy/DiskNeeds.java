package dev.rewind.core.deploy;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The free space a deploy needs, per file system: what it will write there, summed where paths share a disk, less
 * what it removes there first.
 */
final class DiskNeeds {

    /** The free space of a file system; the real one outside tests. */
    @FunctionalInterface
    interface FreeSpace {
        FreeSpace USABLE = FileStore::getUsableSpace;

        long of(FileStore store) throws IOException;
    }

    private final FreeSpace freeSpace;
    private final Map<FileStore, Need> needs = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    DiskNeeds(FreeSpace freeSpace) {
        this.freeSpace = freeSpace;
    }

    /** {@code bytes} will be written at {@code path} (or its nearest existing parent), for {@code reason}. */
    DiskNeeds add(Path path, long bytes, String reason) {
        return merge(path, new Need(null, bytes, 0, List.of(reason)));
    }

    /** {@code bytes} at {@code path} will be removed before anything is written. */
    DiskNeeds freed(Path path, long bytes) {
        return merge(path, new Need(null, 0, bytes, List.of()));
    }

    private DiskNeeds merge(Path path, Need need) {
        Path dir = path.toAbsolutePath();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        try {
            needs.merge(Files.getFileStore(dir), new Need(dir, need.bytes, need.freed, need.reasons), Need::plus);
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
                long free = freeSpace.of(store);
                if (need.bytes > 0 && free + need.freed < need.bytes) {
                    out.add("only " + mib(free) + " MiB free at " + need.at
                            + (need.freed == 0 ? "" : " (and " + mib(need.freed) + " MiB that are removed first)")
                            + "; " + mib(need.bytes) + " MiB are needed there (" + String.join(", ", need.reasons)
                            + ")");
                }
            } catch (IOException e) {
                out.add("cannot read the free disk at " + need.at + ": " + e.getMessage());
            }
        });
        return out;
    }

    private static long mib(long bytes) {
        return bytes / (1 << 20);
    }

    private record Need(Path at, long bytes, long freed, List<String> reasons) {
        Need plus(Need other) {
            List<String> both = new ArrayList<>(reasons);
            both.addAll(other.reasons);
            return new Need(at, bytes + other.bytes, freed + other.freed, both);
        }
    }
}

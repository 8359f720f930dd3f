package dev.rewind.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes an uploads directory: {@code count} files of random (incompressible, like images and PDFs) content in two
 * levels of directories, of log-normally varied sizes that add up to exactly {@code totalBytes}. Seeded, so two runs
 * write the same tree.
 */
final class FileTreeGenerator {

    private static final long SEED = 4242;
    private static final double SIZE_SPREAD = 1.2;
    private static final int FILES_PER_DIRECTORY = 40;
    private static final String[] EXTENSIONS = {"jpg", "png", "pdf", "webp", "jpg", "jpg"};

    private FileTreeGenerator() {}

    static void generate(Path root, int count, long totalBytes) {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] sizes = sizes(random, count, totalBytes);
        int fanout = (int) Math.max(2, Math.ceil(Math.sqrt((double) count / FILES_PER_DIRECTORY)));
        try {
            for (int i = 0; i < count; i++) {
                Path dir = root.resolve(String.format(Locale.ROOT, "%02x/%02x", i % fanout, (i / fanout) % fanout));
                Files.createDirectories(dir);
                byte[] content = new byte[(int) sizes[i]];
                random.nextBytes(content);
                String name = String.format(Locale.ROOT, "upload-%06d.%s", i, EXTENSIONS[i % EXTENSIONS.length]);
                Files.write(dir.resolve(name), content);
                if ((i + 1) % Math.max(1, count / 4) == 0) {
                    Log.info(String.format(Locale.ROOT, "generating uploads: %,d of %,d files", i + 1, count));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the uploads under " + root, e);
        }
    }

    /** Log-normal sizes scaled to sum to {@code total}; the last file takes the rounding remainder. */
    private static long[] sizes(SplittableRandom random, int count, long total) {
        double[] weights = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = Math.exp(random.nextGaussian() * SIZE_SPREAD);
            sum += weights[i];
        }
        long[] sizes = new long[count];
        long assigned = 0;
        for (int i = 0; i < count - 1; i++) {
            sizes[i] = Math.round(weights[i] / sum * total);
            assigned += sizes[i];
        }
        sizes[count - 1] = Math.max(0, total - assigned);
        return sizes;
    }
}

package dev.rewind.core.backup.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Real files for the tests, and an independent SHA-256 (whole file in memory) to check Rewind's against. */
final class Trees {

    static final int SMALL_FILES = 1_000;
    static final Map<String, Integer> LARGE_FILES = Map.of(
            "media/video.bin", 3 * 1024 * 1024 + 7,
            "media/archive.bin", 2 * 1024 * 1024,
            "big.bin", 1024 * 1024 + 1);

    private Trees() {}

    /**
     * {@code smallFiles} small files in nested directories ({@code a<i%10>/b<i/10%10>/f<i>.txt}), a few large ones, an
     * empty directory and a relative symbolic link.
     */
    static void populate(Path live, int smallFiles, long seed) throws IOException {
        Random random = new Random(seed);
        for (int i = 0; i < smallFiles; i++) {
            write(live.resolve("a" + i % 10).resolve("b" + i / 10 % 10).resolve("f" + i + ".txt"),
                    bytes(random, 1 + random.nextInt(4096)));
        }
        for (Map.Entry<String, Integer> large : LARGE_FILES.entrySet()) {
            write(live.resolve(large.getKey()), bytes(random, large.getValue()));
        }
        Files.createDirectories(live.resolve("empty/inner"));
        Files.createSymbolicLink(live.resolve("latest.txt"), Path.of("a0/b0/f0.txt"));
    }

    static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Writes {@code content} over the start of {@code file}, keeping its inode (what an application's update does). */
    static void overwriteInPlace(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content), 0);
        }
    }

    /** Flips the first byte of {@code file} in place. */
    static void flipFirstByte(Path file) throws IOException {
        byte[] first = new byte[1];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.read(ByteBuffer.wrap(first), 0);
            first[0] ^= 1;
            channel.write(ByteBuffer.wrap(first), 0);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Relative path → independent SHA-256 of every regular file under {@code root}. */
    static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> hashes.put(root.relativize(p).toString(), sha256(p)));
        }
        return hashes;
    }

    static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    static int links(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    }
}

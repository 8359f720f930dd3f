package dev.rewind.core.backup.files;

import dev.rewind.core.ErrorCode;
import dev.rewind.core.RewindException;
import dev.rewind.core.backup.FileEntry;
import dev.rewind.core.backup.Progress;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file, and a copy that hashes what it copies in one read of the source. */
public final class Checksums {

    /** The largest read buffer; small files get a buffer of their own size. */
    static final int BUFFER_BYTES = 1 << 20;

    private Checksums() {}

    /** The lower-case hex SHA-256 of {@code file}. */
    public static String sha256(Path file) {
        return sha256(file, Progress.NONE);
    }

    /** The lower-case hex SHA-256 of {@code file}, advancing {@code progress} by the bytes read. */
    public static String sha256(Path file, Progress progress) {
        try {
            return hash(file, progress);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot read " + file + " to compute its SHA-256: "
                    + IoErrors.describe(e) + "\n    fix: check that the file exists and is readable", e);
        }
    }

    /**
     * Copies the regular file {@code source} to the new file {@code target} (never overwriting), hashing the bytes
     * as they are written and forcing them to disk; the copy gets the source's modification time and POSIX
     * permissions.
     *
     * @param path the relative path recorded in the returned entry
     */
    public static FileEntry copy(Path source, Path target, String path, Progress progress) {
        try {
            return copyAndHash(source, target, path, progress);
        } catch (IOException e) {
            throw new RewindException(ErrorCode.FAILED, "cannot copy " + source + " to " + target + ": "
                    + IoErrors.describe(e) + "\n    fix: check that the source is readable, the target does not "
                    + "exist yet and the disk has space", e);
        }
    }

    static String hash(Path file, Progress progress) throws IOException {
        MessageDigest digest = newDigest();
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            ByteBuffer buffer = buffer(in.size());
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer.array(), 0, buffer.position());
                buffer.clear();
                progress.advance(n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static FileEntry copyAndHash(Path source, Path target, String path, Progress progress) throws IOException {
        BasicFileAttributes attributes = attributes(source);
        if (!attributes.isRegularFile()) {
            throw new IOException(source + " is not a regular file");
        }
        MessageDigest digest = newDigest();
        long copied = 0;
        try (SeekableByteChannel in = Files.newByteChannel(source);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = buffer(in.size());
            int n;
            while ((n = in.read(buffer)) >= 0) {
                buffer.flip();
                digest.update(buffer.array(), 0, buffer.limit());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
                copied += n;
                progress.advance(n);
            }
            out.force(false);
        }
        copyMetadata(attributes, target);
        return new FileEntry(path, copied, attributes.lastModifiedTime().toInstant(),
                HexFormat.of().formatHex(digest.digest()));
    }

    private static BasicFileAttributes attributes(Path source) throws IOException {
        if (source.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.readAttributes(source, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        return Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private static void copyMetadata(BasicFileAttributes attributes, Path target) throws IOException {
        if (attributes instanceof PosixFileAttributes posix
                && target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(target, posix.permissions());
        }
        Files.setLastModifiedTime(target, attributes.lastModifiedTime());
    }

    private static ByteBuffer buffer(long size) {
        return ByteBuffer.allocate(Math.clamp(size, 1, BUFFER_BYTES));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256, which every Java SE JDK must provide", e);
        }
    }
}

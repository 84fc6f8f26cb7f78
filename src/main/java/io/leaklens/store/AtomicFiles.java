package io.leaklens.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes a file so that a crash, a kill or a full disk never leaves a half-written file in its place: the content
 * goes to a temporary file beside it, is forced to the disk, and only then replaces the target in one move.
 */
final class AtomicFiles {

    private static final System.Logger LOG = System.getLogger(AtomicFiles.class.getName());

    /** Writes the content through the stream it is given. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Far longer than any save takes. */
    static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);

    private AtomicFiles() {
    }

    static void write(Path target, Content content) throws SnapshotFileException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new SnapshotFileException("cannot save to " + target + ": it is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new SnapshotFileException("cannot save to " + target + ": the folder " + dir + " does not exist");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            permitLikeAnyFile(temp, absolute);
            move(temp, absolute);
            temp = null;
            removeLeftovers(absolute);
        } catch (IOException e) {
            throw new SnapshotFileException("cannot save to " + target + ": " + reason(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException cleanup) {
                    // A temporary file left behind is hidden and harmless; the error above matters more.
                    LOG.log(System.Logger.Level.DEBUG, "could not remove a temporary file", cleanup);
                }
            }
        }
    }

    /**
     * Removes the temporary files that saves of this file killed half-way left behind (a kill runs no finally
     * block): hidden, but each as big as a snapshot, and one more after every kill. Only those untouched for
     * {@link #LEFTOVER_AGE}: a younger one may belong to a save still running in another LeakLens.
     */
    private static void removeLeftovers(Path target) {
        String prefix = "." + target.getFileName() + ".";
        Instant before = Instant.now().minus(LEFTOVER_AGE);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(),
                f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".tmp"))) {
            for (Path leftover : leftovers) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(before)) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            // The save itself succeeded; the leftovers are tried again at the next one.
            LOG.log(System.Logger.Level.DEBUG, "could not remove leftovers of earlier saves", e);
        }
    }

    /**
     * A temporary file is made readable by its owner only; the saved file should read like any other the user
     * saves, or keep the permissions of the file it replaces.
     */
    private static void permitLikeAnyFile(Path temp, Path target) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(temp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Why a write failed, in words: the JDK's messages name the file but not always the cause. */
    static String reason(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
            return "the disk is full";
        }
        if (message.contains("Read-only file system")) {
            return "the disk is read-only";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}

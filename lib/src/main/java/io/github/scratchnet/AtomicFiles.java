package io.github.scratchnet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see the old content or the new, never half of it: a temporary
 * file in the same folder (same file system, so the rename is atomic), then a rename over the
 * target. Temporary files are named {@code .NAME.HEX.tmp}, so {@link #removeStale} can clean up
 * after a killed process. Model files ({@code Npz}), sweep files and the fetched MNIST files
 * share this one mechanism.
 */
public final class AtomicFiles {
    private static final Pattern TEMP = Pattern.compile("\\..+\\.[0-9a-f]+\\.tmp");

    private AtomicFiles() {}

    /** Writes {@code content} to {@code target} atomically; one-line error on failure. */
    public static void write(Path target, byte[] content) {
        try {
            write(target, out -> out.write(content));
        } catch (IOException e) {
            throw new ScratchnetException("cannot write " + target + " (" + IoErrors.describe(e) + "); check that the folder"
                    + " is writable and the disk not full", e);
        }
    }

    /** What writes the new content; it must not close the stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes what {@code body} produces to {@code target} atomically. On failure the temporary
     * file is deleted, the target is untouched and the I/O error is rethrown for the caller to word.
     */
    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        boolean done = false;
        try {
            FileChannel channel = null;
            // Not Files.createTempFile: its 0600 mode would survive the rename and hide the file
            // from other users, while a plain new file gets the usual umask-based mode.
            for (int attempt = 0; channel == null; attempt++) {
                tmp = dir.resolve("." + target.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
                try {
                    channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) throw e;
                } catch (NoSuchFileException | AccessDeniedException e) {
                    // About the folder, not the temporary name the user never chose.
                    throw e instanceof NoSuchFileException ? new NoSuchFileException(dir.toString())
                            : new AccessDeniedException(dir.toString());
                }
            }
            try (FileChannel out = channel) {
                OutputStream stream = Channels.newOutputStream(out);
                body.writeTo(stream);
                stream.flush();
                // Without this a power cut after the rename could leave an empty file under the final name.
                out.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done && tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The original error matters more than a stray temporary file.
                }
            }
        }
    }

    /**
     * Deletes temporary files a killed process left in {@code dir}; returns how many. Only one
     * sweep may write to a folder at a time, or this would pull files from under the other one.
     */
    public static int removeStale(Path dir) {
        int removed = 0;
        if (!Files.isDirectory(dir)) return 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (TEMP.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new ScratchnetException("cannot clean up " + dir + " (" + IoErrors.describe(e) + ")", e);
        }
        return removed;
    }

}

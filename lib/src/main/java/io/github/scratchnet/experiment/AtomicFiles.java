package io.github.scratchnet.experiment;

import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see the old content or the new, never half of it: a temporary
 * file in the same folder (same file system, so the rename is atomic), then a rename over the
 * target. Temporary names follow {@link io.github.scratchnet.data.Npz}'s, {@code .NAME.HEX.tmp},
 * so one sweep of {@link #removeStale} cleans up after both.
 */
final class AtomicFiles {
    private static final Pattern TEMP = Pattern.compile("\\..+\\.[0-9a-f]+\\.tmp");

    private AtomicFiles() {}

    static void write(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        boolean done = false;
        try {
            FileChannel channel = null;
            for (int attempt = 0; channel == null; attempt++) {
                tmp = dir.resolve("." + target.getFileName() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
                try {
                    channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) throw e;
                }
            }
            try (FileChannel out = channel) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) out.write(buffer);
                // Without this a power cut after the rename could leave an empty file under the final name.
                out.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw new ScratchnetException("cannot write " + target + " (" + IoErrors.describe(e) + "); check that the folder"
                    + " is writable and the disk not full", e);
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
    static int removeStale(Path dir) {
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

    static boolean isTemporary(Path file) {
        return TEMP.matcher(file.getFileName().toString()).matches();
    }

}

package io.github.scratchnet.data;

import io.github.scratchnet.AtomicFiles;
import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ejml.data.DMatrixRMaj;

/**
 * Collects named arrays for one {@code .npz} file (see {@link Npz}), then writes it atomically.
 * Arrays are copied when added, so the caller may keep changing its matrices. Names are shared by
 * all kinds and must be unique. The zip layer of writing lives here; the bytes of each array in
 * {@link Npy}.
 */
public final class NpzWriter {
    /**
     * A fixed entry time makes saving the same model twice produce the same bytes. Not the DOS
     * epoch itself: Java marks that value as "before 1980" and adds an extra timestamp field.
     */
    private static final long ENTRY_TIME =
            LocalDateTime.of(2000, 1, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

    private final Map<String, Item> items = new LinkedHashMap<>();

    NpzWriter() {
    }

    /** Adds a float64 array of shape {@code (numRows, numCols)}, even when one of them is 1. */
    public NpzWriter matrix(String name, DMatrixRMaj m) {
        Objects.requireNonNull(m, "matrix " + name);
        // EJML allows data to be longer than numRows * numCols; the tail is not part of it.
        double[] values = Arrays.copyOf(m.data, m.numRows * m.numCols);
        return add(new Item(name, "<f8", new long[] {m.numRows, m.numCols}, values, null));
    }

    /** Adds a 0-d float64 array; NumPy's {@code .item()} gives the number back. */
    public NpzWriter scalar(String name, double value) {
        return add(new Item(name, "<f8", new long[0], new double[] {value}, null));
    }

    /**
     * Adds a 0-d unicode array; NumPy's {@code .item()} gives the string back, without trailing
     * NUL characters (NumPy strips them, and so does {@link Npz#string}).
     */
    public NpzWriter string(String name, String value) {
        Objects.requireNonNull(value, "string " + name);
        int[] codePoints = value.codePoints().toArray();
        // NumPy has no zero-width unicode type for a value; it stores "" as '<U1' too.
        String descr = "<U" + Math.max(1, codePoints.length);
        return add(new Item(name, descr, new long[0], null, codePoints));
    }

    private NpzWriter add(Item item) {
        if (item.name == null || item.name.isEmpty()) {
            throw new IllegalArgumentException("array name must not be empty");
        }
        if (items.putIfAbsent(item.name, item) != null) {
            throw new IllegalArgumentException("array name '" + item.name + "' is used twice");
        }
        return this;
    }

    /**
     * Writes the archive to a temporary file next to {@code file}, then renames it over {@code
     * file}.
     *
     * @throws ScratchnetException if the folder is missing or not writable, or the disk is full
     */
    public void write(Path file) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || Files.isDirectory(target)) {
            throw new ScratchnetException("cannot write model file " + file
                    + ": it is a folder; choose a writable path");
        }
        try {
            AtomicFiles.write(target, out -> {
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, Npy.CHUNK));
                for (Item item : items.values()) {
                    putEntry(zip, item);
                }
                zip.finish();
                zip.flush();
            });
        } catch (IOException e) {
            throw new ScratchnetException("cannot write model file " + file + ": " + IoErrors.describe(e)
                    + "; choose a writable path", e);
        }
    }

    /** One array to write: numbers for float64 items, code points for unicode ones. */
    private record Item(String name, String descr, long[] shape, double[] numbers, int[] codePoints) {
    }

    private static void putEntry(ZipOutputStream zip, Item item) throws IOException {
        // Stored (uncompressed) like np.savez; a stored entry needs its size and CRC up front, so
        // encode once into a checksum, then again into the archive, rather than buffer the array.
        CRC32 crc = new CRC32();
        CountingStream counter = new CountingStream();
        Npy.write(item.descr, item.shape, item.numbers, item.codePoints, new CheckedOutputStream(counter, crc));
        ZipEntry entry = new ZipEntry(item.name + ".npy");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(counter.count);
        entry.setCompressedSize(counter.count);
        entry.setCrc(crc.getValue());
        entry.setTime(ENTRY_TIME);
        zip.putNextEntry(entry);
        Npy.write(item.descr, item.shape, item.numbers, item.codePoints, zip);
        zip.closeEntry();
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}

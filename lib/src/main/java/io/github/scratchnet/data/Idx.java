package io.github.scratchnet.data;

import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files MNIST (and Fashion-MNIST) ship in: a big-endian header of a magic number
 * ({@value #IMAGES_MAGIC} for images, {@value #LABELS_MAGIC} for labels) and one 32-bit size per
 * dimension, then the unsigned bytes.
 *
 * <p>A gzip-compressed file is recognised by its content, and {@code name.gz} is read when
 * {@code name} is absent, so the files can stay as downloaded. Every problem with a file is a
 * {@link ScratchnetException} whose one line names the file, what is wrong and what to do.
 */
public final class Idx {
    /** Magic number of an IDX file of unsigned bytes in 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes in 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    static final String REFETCH = "delete it and run `make data` to fetch the data set again";
    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;
    // The largest array the JVM allocates reliably.
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private Idx() {}

    /** Reads an IDX image file ({@code file}, or {@code file.gz} when {@code file} is absent). */
    public static IdxImages readImages(Path file) {
        Path actual = locate(file);
        try (Source src = Source.open(actual)) {
            byte[] header = src.header(IMAGES_HEADER, "image");
            checkMagic(actual, intAt(header, 0), IMAGES_MAGIC);
            int count = intAt(header, 4);
            int rows = intAt(header, 8);
            int cols = intAt(header, 12);
            if (count < 0 || rows <= 0 || cols <= 0) {
                throw new ScratchnetException(actual + " has a corrupt header (" + count + " images of "
                        + rows + "x" + cols + " pixels); " + REFETCH);
            }
            String promise = count + " images of " + rows + "x" + cols;
            // Checked in two steps because count * rows * cols of three bogus ints overflows a long.
            long perImage = (long) rows * cols;
            if (perImage > MAX_ARRAY) {
                throw new ScratchnetException(actual + " has a corrupt header (images of " + rows + "x" + cols
                        + " pixels, more than one array can hold); " + REFETCH);
            }
            byte[] pixels = src.payload(perImage * count, promise);
            return new IdxImages(count, rows, cols, pixels);
        } catch (IOException e) {
            throw translate(actual, e);
        }
    }

    /** Reads an IDX label file ({@code file}, or {@code file.gz} when {@code file} is absent). */
    public static IdxLabels readLabels(Path file) {
        Path actual = locate(file);
        try (Source src = Source.open(actual)) {
            byte[] header = src.header(LABELS_HEADER, "label");
            checkMagic(actual, intAt(header, 0), LABELS_MAGIC);
            int count = intAt(header, 4);
            if (count < 0) {
                throw new ScratchnetException(actual + " has a corrupt header (" + count + " labels); "
                        + REFETCH);
            }
            byte[] labels = src.payload(count, count + " labels");
            return new IdxLabels(count, labels);
        } catch (IOException e) {
            throw translate(actual, e);
        }
    }

    /**
     * Reads a pair of image and label files into a {@link Dataset} with one feature per pixel,
     * scaled to [0, 1]. The two files must hold the same number of samples and every label must be
     * below {@code classes}; the message names the file that breaks either rule.
     */
    public static Dataset readDataset(Path imagesFile, Path labelsFile, int classes) {
        Labelled l = readLabelled(imagesFile, labelsFile, classes);
        return Dataset.fromPixels(l.images().pixels(), l.images().count(), l.images().pixelsPerImage(), l.labels(), classes);
    }

    /** An image file and its labels, checked to belong together, before they become a {@link Dataset}. */
    public record Labelled(IdxImages images, int[] labels) {
        /** The images {@code rows}, in that order, as a data set ({@link Dataset#fromPixels(byte[], int, int, int[], int, int[])}). */
        public Dataset rows(int[] rows, int classes) {
            return Dataset.fromPixels(images.pixels(), images.count(), images.pixelsPerImage(), labels, classes, rows);
        }
    }

    /** Reads an image file and its label file and checks that they belong together and fit {@code classes}. */
    public static Labelled readLabelled(Path imagesFile, Path labelsFile, int classes) {
        IdxImages images = readImages(imagesFile);
        IdxLabels labels = readLabels(labelsFile);
        if (images.count() != labels.count()) {
            throw new ScratchnetException(locate(imagesFile) + " holds " + images.count() + " images but "
                    + locate(labelsFile) + " holds " + labels.count()
                    + " labels; the two files do not belong together, delete them and run `make data`"
                    + " to fetch the data set again");
        }
        int[] ints = labels.toInts();
        for (int i = 0; i < ints.length; i++) {
            if (ints[i] >= classes) {
                throw new ScratchnetException(locate(labelsFile) + " gives sample " + i + " the label "
                        + ints[i] + ", outside 0.." + (classes - 1) + "; the label file is corrupt, "
                        + REFETCH);
            }
        }
        return new Labelled(images, ints);
    }

    /** {@code file} if it exists, else {@code file.gz} if that exists. */
    static Path locate(Path file) {
        if (Files.exists(file)) return file;
        Path gz = gzipSibling(file);
        if (gz != null && Files.exists(gz)) return gz;
        throw new ScratchnetException(file + " not found" + (gz == null ? "" : " (nor " + gz.getFileName() + ")")
                + "; run `make data` to fetch the data sets, or copy the IDX files there by hand");
    }

    private static Path gzipSibling(Path file) {
        Path name = file.getFileName();
        if (name == null || name.toString().endsWith(".gz")) return null;
        return file.resolveSibling(name + ".gz");
    }

    private static void checkMagic(Path file, int magic, int expected) {
        if (magic == expected) return;
        if (magic == IMAGES_MAGIC || magic == LABELS_MAGIC) {
            throw new ScratchnetException(file + " is an IDX " + kind(magic) + " file where an IDX "
                    + kind(expected) + " file was expected; the file names are mixed up, " + REFETCH);
        }
        throw new ScratchnetException(String.format("%s starts with the magic number 0x%08x, not 0x%08x"
                + " (IDX %s of unsigned bytes); it is not an MNIST-style file, %s",
                file, magic, expected, kind(expected), REFETCH));
    }

    private static String kind(int magic) {
        return magic == IMAGES_MAGIC ? "image" : "label";
    }

    private static int intAt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static ScratchnetException translate(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ScratchnetException(file + " vanished while being read; run `make data` to fetch"
                    + " the data set again", e);
        }
        if (e instanceof AccessDeniedException) {
            return new ScratchnetException(file + " cannot be read (permission denied); make it readable"
                    + " or " + REFETCH, e);
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return new ScratchnetException(file + " is a truncated or corrupt gzip file ("
                    + IoErrors.describe(e) + "); " + REFETCH, e);
        }
        return new ScratchnetException(file + " cannot be read (" + IoErrors.describe(e)
                + "); check that it is a readable file, or " + REFETCH, e);
    }

    /** An open IDX file, plain or gzip-compressed, that knows how to complain about itself. */
    private static final class Source implements AutoCloseable {
        private final Path file;
        private final InputStream in;
        private final boolean gzip;
        private final long fileSize;
        private int headerSize;

        private Source(Path file, InputStream in, boolean gzip, long fileSize) {
            this.file = file;
            this.in = in;
            this.gzip = gzip;
            this.fileSize = fileSize;
        }

        static Source open(Path file) throws IOException {
            if (Files.isDirectory(file)) {
                throw new ScratchnetException(file + " is a directory, not an IDX file; remove it and run"
                        + " `make data` to fetch the data set");
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new ScratchnetException(file + " is empty; " + REFETCH);
            }
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            try {
                raw.mark(2);
                boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
                raw.reset();
                InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
                return new Source(file, in, gzip, size);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        byte[] header(int size, String kind) throws IOException {
            byte[] header = in.readNBytes(size);
            if (header.length == 0) {
                throw new ScratchnetException(file + " is empty after decompression; " + REFETCH);
            }
            if (header.length < size) {
                throw new ScratchnetException(file + " is too short for an IDX " + kind + " header ("
                        + header.length + " of " + size + " bytes); " + REFETCH);
            }
            headerSize = size;
            return header;
        }

        /** Reads exactly {@code length} bytes and makes sure nothing follows them. */
        byte[] payload(long length, String promise) throws IOException {
            // A plain file's size is known, so a bogus header is caught before anything is allocated.
            if (!gzip) {
                long follows = fileSize - headerSize;
                if (follows < length) throw truncated(promise, length, follows);
                if (follows > length) throw trailing(promise, follows - length);
            }
            if (length > MAX_ARRAY) {
                throw new ScratchnetException(file + " has a header that promises " + promise + " ("
                        + length + " bytes), more than one array can hold; the header is corrupt, " + REFETCH);
            }
            byte[] data;
            try {
                // readNBytes grows its buffer as bytes arrive, so a gzip file with a huge bogus count
                // fails on its real (small) length instead of allocating the promised size up front.
                data = in.readNBytes((int) length);
            } catch (OutOfMemoryError e) {
                throw new ScratchnetException(file + " promises " + promise + " (" + length
                        + " bytes), more than fits in memory; give Java more heap with -Xmx or " + REFETCH);
            }
            if (data.length < length) throw truncated(promise, length, data.length);
            long extra = in.transferTo(OutputStream.nullOutputStream());
            if (extra > 0) throw trailing(promise, extra);
            return data;
        }

        private ScratchnetException truncated(String promise, long length, long follows) {
            return new ScratchnetException(file + " is truncated: its header promises " + promise + " ("
                    + length + " bytes) but only " + follows + " bytes follow" + (gzip ? " after decompression" : "")
                    + "; " + REFETCH);
        }

        private ScratchnetException trailing(String promise, long extra) {
            return new ScratchnetException(file + " has " + extra + " bytes more than the " + promise
                    + " its header promises" + (gzip ? " (after decompression)" : "")
                    + "; it is not a clean IDX file, " + REFETCH);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

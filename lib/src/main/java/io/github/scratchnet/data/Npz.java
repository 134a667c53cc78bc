package io.github.scratchnet.data;

import io.github.scratchnet.AtomicFiles;
import io.github.scratchnet.ScratchnetException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads and writes NumPy {@code .npz} archives, so that a model saved here loads with {@code
 * np.load} and arrays saved by NumPy load here.
 *
 * <p>Writing: {@code Npz.writer().matrix("W1", w).scalar("lr", 0.1).string("bn_mode", "batch")
 * .write(path)}. Each matrix keeps its 2-D shape as little-endian float64 in C order, a scalar is a
 * 0-d float64 array and a string a 0-d unicode array, so {@code np.load(f)["bn_mode"].item()} is a
 * Python {@code str}. The file is replaced atomically: a crash mid-write leaves the old file (or
 * none), never half a file.
 *
 * <p>Reading: {@link #read(Path)} accepts float64, float32, the usual integer and bool types, and
 * unicode or byte strings, in C or (up to 2-D) Fortran order, stored or deflated ({@code
 * np.savez_compressed}). A damaged file fails at once; an array of a type this class does not
 * handle (big-endian, objects, structured) fails only when asked for, so the other arrays of such a
 * file stay usable. Every failure is a one-line {@link ScratchnetException}.
 */
public final class Npz {
    private static final String REMEDY_CORRUPT = "save the model again with `train --save`";
    private static final String REMEDY_TYPE = "store it as little-endian float64 (numpy: a.astype('<f8'))";
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** NumPy pads headers so the first dimension can grow to this many digits in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** NumPy itself refuses headers above 10000 bytes by default; anything near this is garbage. */
    private static final int MAX_HEADER = 1 << 20;
    private static final int CHUNK = 1 << 16;
    /**
     * A fixed entry time makes saving the same model twice produce the same bytes. Not the DOS
     * epoch itself: Java marks that value as "before 1980" and adds an extra timestamp field.
     */
    private static final long ENTRY_TIME =
            LocalDateTime.of(2000, 1, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

    private final String file;
    private final Map<String, Entry> entries;

    private Npz(String file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    // ------------------------------------------------------------------------------------------
    // Writing
    // ------------------------------------------------------------------------------------------

    /** Starts an empty archive; add arrays, then {@link Writer#write(Path)}. */
    public static Writer writer() {
        return new Writer();
    }

    /**
     * Writes matrices, then scalars, then strings, each group in its map's iteration order.
     *
     * @throws IllegalArgumentException if a name is empty or used twice
     * @throws ScratchnetException if the file cannot be written
     */
    public static void write(Path file, Map<String, DMatrixRMaj> matrices, Map<String, Double> scalars,
            Map<String, String> strings) {
        Writer w = writer();
        matrices.forEach(w::matrix);
        scalars.forEach(w::scalar);
        strings.forEach(w::string);
        w.write(file);
    }

    /**
     * Collects named arrays for one {@code .npz} file. Arrays are copied when added, so the caller
     * may keep changing its matrices. Names are shared by all kinds and must be unique.
     */
    public static final class Writer {
        private final Map<String, Item> items = new LinkedHashMap<>();

        private Writer() {
        }

        /** Adds a float64 array of shape {@code (numRows, numCols)}, even when one of them is 1. */
        public Writer matrix(String name, DMatrixRMaj m) {
            Objects.requireNonNull(m, "matrix " + name);
            // EJML allows data to be longer than numRows * numCols; the tail is not part of it.
            double[] values = Arrays.copyOf(m.data, m.numRows * m.numCols);
            return add(new Item(name, "<f8", new long[] {m.numRows, m.numCols}, values, null));
        }

        /** Adds a 0-d float64 array; NumPy's {@code .item()} gives the number back. */
        public Writer scalar(String name, double value) {
            return add(new Item(name, "<f8", new long[0], new double[] {value}, null));
        }

        /**
         * Adds a 0-d unicode array; NumPy's {@code .item()} gives the string back, without trailing
         * NUL characters (NumPy strips them, and so does {@link Npz#string}).
         */
        public Writer string(String name, String value) {
            Objects.requireNonNull(value, "string " + name);
            int[] codePoints = value.codePoints().toArray();
            // NumPy has no zero-width unicode type for a value; it stores "" as '<U1' too.
            String descr = "<U" + Math.max(1, codePoints.length);
            return add(new Item(name, descr, new long[0], null, codePoints));
        }

        private Writer add(Item item) {
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
                    ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, CHUNK));
                    for (Item item : items.values()) {
                        putEntry(zip, item);
                    }
                    zip.finish();
                    zip.flush();
                });
            } catch (IOException e) {
                throw new ScratchnetException("cannot write model file " + file + ": " + reason(e)
                        + "; choose a writable path", e);
            }
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
        writeNpy(item, new CheckedOutputStream(counter, crc));
        ZipEntry entry = new ZipEntry(item.name + ".npy");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(counter.count);
        entry.setCompressedSize(counter.count);
        entry.setCrc(crc.getValue());
        entry.setTime(ENTRY_TIME);
        zip.putNextEntry(entry);
        writeNpy(item, zip);
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

    private static void writeNpy(Item item, OutputStream out) throws IOException {
        out.write(header(item.descr, item.shape));
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        if (item.numbers != null) {
            for (double v : item.numbers) {
                if (buf.remaining() < Double.BYTES) flush(buf, out);
                buf.putDouble(v);
            }
        } else {
            int width = Math.max(1, item.codePoints.length);
            for (int i = 0; i < width; i++) {
                if (buf.remaining() < Integer.BYTES) flush(buf, out);
                buf.putInt(i < item.codePoints.length ? item.codePoints[i] : 0);
            }
        }
        flush(buf, out);
    }

    private static void flush(ByteBuffer buf, OutputStream out) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    /** The version 1.0 header, byte for byte what NumPy writes for the same array. */
    static byte[] header(String descr, long[] shape) {
        StringBuilder dict = new StringBuilder()
                .append("{'descr': '").append(descr).append("', 'fortran_order': False, 'shape': ")
                .append(shapeText(shape)).append(", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        int prefix = MAGIC.length + 2 + 2;
        int unpadded = prefix + dict.length() + 1;
        int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
        dict.append(" ".repeat(pad)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(prefix + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    private static String shapeText(long[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) s.append(", ");
            s.append(shape[i]);
        }
        return s.append(')').toString();
    }

    // ------------------------------------------------------------------------------------------
    // Reading
    // ------------------------------------------------------------------------------------------

    /**
     * Reads every array of an {@code .npz} file into memory. Entries whose name does not end in
     * {@code .npy} are skipped, as they are not arrays.
     *
     * @throws ScratchnetException if the file is missing, unreadable or damaged
     */
    public static Npz read(Path file) {
        String shown = file.toString();
        if (Files.isDirectory(file)) {
            throw new ScratchnetException("cannot read model file " + shown
                    + ": it is a folder; give the path of an .npz file");
        }
        if (!Files.exists(file)) {
            throw new ScratchnetException("model file " + shown
                    + " does not exist; check the path, or save a model with `train --save`");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw corrupt(shown, "it is not a complete zip archive (" + oneLine(e.getMessage()) + ")", e);
        } catch (IOException e) {
            throw new ScratchnetException("cannot read model file " + shown + ": " + reason(e)
                    + "; check the path and its permissions", e);
        } catch (RuntimeException e) {
            throw corrupt(shown, "it is not a valid zip archive (" + oneLine(e.getMessage()) + ")", e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        String current = null;
        try (zip) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.isDirectory() || !e.getName().endsWith(".npy")) continue;
                current = e.getName().substring(0, e.getName().length() - 4);
                try (InputStream in = new BufferedInputStream(zip.getInputStream(e), CHUNK)) {
                    entries.put(current, parseNpy(shown, current, in, e.getSize()));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ScratchnetException s) throw s;
            String where = current == null ? "its zip directory is damaged" : "array " + current + " cannot be unpacked";
            throw corrupt(shown, where + " (" + oneLine(e.getMessage()) + ")", e);
        }
        return new Npz(shown, Collections.unmodifiableMap(entries));
    }

    /** Array names in file order, without the {@code .npy} suffix. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** Whether the file holds an array of this name (readable or not). */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /**
     * The array as a new matrix: a 2-D array keeps its shape, a 1-D array of n becomes (n, 1) and a
     * 0-d array (1, 1). Integer and bool arrays are converted to double.
     *
     * @throws ScratchnetException if the array is missing, holds text or has more than 2 dimensions
     */
    public DMatrixRMaj matrix(String name) {
        Entry e = numeric(name);
        long rows = e.shape.length == 0 ? 1 : e.shape[0];
        long cols = e.shape.length < 2 ? 1 : e.shape[1];
        if (e.shape.length > 2) {
            throw problem(name, "has shape " + shapeText(e.shape) + " but a matrix needs at most 2 dimensions",
                    "save it reshaped to 2-D");
        }
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            throw problem(name, "has shape " + shapeText(e.shape) + ", too large for a matrix", REMEDY_CORRUPT);
        }
        DMatrixRMaj m = new DMatrixRMaj((int) rows, (int) cols);
        System.arraycopy(e.numbers, 0, m.data, 0, e.numbers.length);
        return m;
    }

    /**
     * The single number of a 0-d array (or of any array with exactly one element).
     *
     * @throws ScratchnetException if the array is missing, holds text or has another size
     */
    public double scalar(String name) {
        Entry e = numeric(name);
        if (e.numbers.length != 1) {
            throw problem(name, "has shape " + shapeText(e.shape) + " but a single number was expected",
                    REMEDY_CORRUPT);
        }
        return e.numbers[0];
    }

    /**
     * The text of a 0-d unicode (or byte, read as UTF-8) array, without NumPy's trailing NUL
     * padding.
     *
     * @throws ScratchnetException if the array is missing, holds numbers or more than one string
     */
    public String string(String name) {
        Entry e = usable(name);
        if (e.texts == null) {
            throw problem(name, "holds numbers (" + e.descr + ") but text was expected", REMEDY_CORRUPT);
        }
        if (e.texts.length != 1) {
            throw problem(name, "has shape " + shapeText(e.shape) + " but a single string was expected",
                    REMEDY_CORRUPT);
        }
        return e.texts[0];
    }

    private Entry numeric(String name) {
        Entry e = usable(name);
        if (e.numbers == null) {
            throw problem(name, "holds text (" + e.descr + ") but numbers were expected", REMEDY_CORRUPT);
        }
        return e;
    }

    private Entry usable(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            List<String> names = new ArrayList<>(entries.keySet());
            String held = names.isEmpty() ? "no arrays at all"
                    : String.join(", ", names.subList(0, Math.min(10, names.size())))
                            + (names.size() > 10 ? ", ..." : "");
            throw new ScratchnetException("model file " + file + " has no array " + name + " (it holds "
                    + held + "); " + REMEDY_CORRUPT);
        }
        if (e.unsupported != null) {
            throw problem(name, e.unsupported, REMEDY_TYPE);
        }
        return e;
    }

    private ScratchnetException problem(String name, String what, String remedy) {
        return new ScratchnetException("model file " + file + ": array " + name + " " + what + "; " + remedy);
    }

    /**
     * A parsed array. Exactly one of numbers (C order), texts (C order) and unsupported (why it
     * cannot be used) is set.
     */
    private record Entry(String descr, long[] shape, double[] numbers, String[] texts, String unsupported) {
        static Entry unsupported(String descr, long[] shape, String why) {
            return new Entry(descr, shape, null, null, why);
        }
    }

    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*(?:'([^']*)'|\"([^\"]*)\"|(.))");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)\\b");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern TYPE = Pattern.compile("([<>|=])([a-zA-Z])(\\d+)");

    private static Entry parseNpy(String file, String name, InputStream in, long size) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 2);
        if (start.length < MAGIC.length + 2 || !Arrays.equals(start, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw corrupt(file, "array " + name + " does not start with the .npy magic bytes", null);
        }
        int major = start[MAGIC.length] & 0xFF;
        int minor = start[MAGIC.length + 1] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw corrupt(file, "array " + name + " has .npy format version " + major + "." + minor
                    + ", which is unknown", null);
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] len = in.readNBytes(lengthBytes);
        if (len.length < lengthBytes) {
            throw corrupt(file, "array " + name + " ends inside its .npy header", null);
        }
        long headerLength = major == 1
                ? ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF
                : ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (headerLength > MAX_HEADER) {
            throw corrupt(file, "array " + name + " claims a " + headerLength + "-byte .npy header", null);
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw corrupt(file, "array " + name + " ends inside its .npy header", null);
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        long dataStart = MAGIC.length + 2 + lengthBytes + headerLength;

        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw corrupt(file, "array " + name + " has a .npy header without descr, fortran_order and shape ("
                    + oneLine(header.strip()) + ")", null);
        }
        long[] shape = parseShape(file, name, s.group(1));
        boolean fortran = f.group(1).equals("True");
        String descr = d.group(1) != null ? d.group(1) : d.group(2);
        if (descr == null) {
            return Entry.unsupported("structured", shape, "has a structured dtype");
        }
        Matcher t = TYPE.matcher(descr);
        if (!t.matches()) {
            return Entry.unsupported(descr, shape, "has dtype '" + descr + "', which is not supported");
        }
        char order = t.group(1).charAt(0);
        char kind = t.group(2).charAt(0);
        // Beyond a million characters a string is garbage; the cap also keeps itemSize an int.
        int width = t.group(3).length() > 7 ? 0 : Integer.parseInt(t.group(3));
        String type = "" + kind + width;
        boolean text = kind == 'U' || kind == 'S';
        int itemSize = kind == 'U' ? width * 4 : width;
        boolean known = text ? width > 0 && width <= 1 << 20
                : List.of("f8", "f4", "i8", "i4", "i2", "i1", "u4", "u2", "u1", "b1").contains(type);
        if (!known) {
            return Entry.unsupported(descr, shape, "has dtype '" + descr + "', which is not supported");
        }
        boolean bigEndian = order == '>' || (order == '=' && ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN);
        if (bigEndian && itemSize > 1 && kind != 'S') {
            return Entry.unsupported(descr, shape, "has big-endian dtype '" + descr + "', which is not supported");
        }

        long count = 1;
        for (long dim : shape) {
            count = multiply(file, name, count, dim);
        }
        long needed = multiply(file, name, count, itemSize);
        if (size >= 0 && size - dataStart != needed) {
            throw corrupt(file, "array " + name + " holds " + Math.max(0, size - dataStart)
                    + " bytes of data but its shape " + shapeText(shape) + " of '" + descr + "' needs " + needed, null);
        }
        if (fortran && shape.length > 2) {
            return Entry.unsupported(descr, shape, "has " + shape.length + " dimensions in Fortran order, which is not supported");
        }
        if (count > Integer.MAX_VALUE - 8) {
            return Entry.unsupported(descr, shape, "has " + count + " elements, more than a Java array holds");
        }

        int n = (int) count;
        double[] numbers = text ? null : new double[n];
        String[] texts = text ? new String[n] : null;
        ByteBuffer buf = ByteBuffer.allocate(Math.max(CHUNK - CHUNK % itemSize, itemSize)).order(ByteOrder.LITTLE_ENDIAN);
        int done = 0;
        while (done < n) {
            int want = (int) Math.min((long) (n - done) * itemSize, buf.capacity());
            int got = in.readNBytes(buf.array(), 0, want);
            if (got < want) {
                throw corrupt(file, "array " + name + " ends after " + (done * (long) itemSize + got)
                        + " of " + needed + " data bytes", null);
            }
            buf.clear().limit(want);
            while (buf.hasRemaining()) {
                if (text) {
                    texts[done++] = decodeText(file, name, kind, buf, width);
                } else {
                    numbers[done++] = decodeNumber(type, buf);
                }
            }
        }
        if (in.read() != -1) {
            throw corrupt(file, "array " + name + " has more data than its shape " + shapeText(shape) + " allows", null);
        }
        if (fortran && shape.length == 2) {
            int rows = (int) shape[0];
            int cols = (int) shape[1];
            if (text) {
                String[] c = new String[n];
                for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) c[i * cols + j] = texts[j * rows + i];
                texts = c;
            } else {
                double[] c = new double[n];
                for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) c[i * cols + j] = numbers[j * rows + i];
                numbers = c;
            }
        }
        return new Entry(descr, shape, numbers, texts, null);
    }

    private static long[] parseShape(String file, String name, String text) {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.endsWith("L")) p = p.substring(0, p.length() - 1); // Python 2 longs in old files
            if (p.isEmpty()) continue;
            if (!p.matches("\\d{1,18}")) {
                throw corrupt(file, "array " + name + " has a bad shape (" + oneLine(text) + ")", null);
            }
            dims.add(Long.parseLong(p));
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static long multiply(String file, String name, long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw corrupt(file, "array " + name + " has an impossibly large shape", null);
        }
    }

    private static double decodeNumber(String type, ByteBuffer b) {
        switch (type) {
            case "f8": return b.getDouble();
            case "f4": return b.getFloat();
            case "i8": return b.getLong();
            case "i4": return b.getInt();
            case "i2": return b.getShort();
            case "i1": return b.get();
            case "u4": return b.getInt() & 0xFFFFFFFFL;
            case "u2": return b.getShort() & 0xFFFF;
            case "u1": return b.get() & 0xFF;
            case "b1": return b.get() != 0 ? 1 : 0;
            default: throw new IllegalStateException(type);
        }
    }

    private static String decodeText(String file, String name, char kind, ByteBuffer b, int width) {
        if (kind == 'S') {
            byte[] raw = new byte[width];
            b.get(raw);
            int end = width;
            while (end > 0 && raw[end - 1] == 0) end--;
            return new String(raw, 0, end, StandardCharsets.UTF_8);
        }
        int[] cps = new int[width];
        for (int i = 0; i < width; i++) cps[i] = b.getInt();
        int end = width;
        while (end > 0 && cps[end - 1] == 0) end--;
        StringBuilder s = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            if (!Character.isValidCodePoint(cps[i])) {
                throw corrupt(file, "array " + name + " holds an invalid unicode code point " + cps[i], null);
            }
            s.appendCodePoint(cps[i]);
        }
        return s.toString();
    }

    private static ScratchnetException corrupt(String file, String what, Throwable cause) {
        return new ScratchnetException("model file " + file + " is corrupt: " + what + "; " + REMEDY_CORRUPT, cause);
    }

    /** Why an I/O call failed, in words; NIO exceptions often carry only the path as message. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "the folder does not exist";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return oneLine(fs.getReason());
        return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
    }

    private static String oneLine(String s) {
        return s == null ? "no details" : s.replaceAll("\\s+", " ").strip();
    }
}

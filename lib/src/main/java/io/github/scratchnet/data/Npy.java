package io.github.scratchnet.data;

import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One NumPy {@code .npy} array: the version 1.0 header NumPy writes, the bytes of float64 and
 * unicode arrays, and the parser for what {@link Npz#read} accepts (see there). Every problem with
 * the bytes is a one-line {@link ScratchnetException} naming the model file.
 */
final class Npy {
    static final String REMEDY_CORRUPT = "save the model again with `train --save`";
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** NumPy pads headers so the first dimension can grow to this many digits in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** NumPy itself refuses headers above 10000 bytes by default; anything near this is garbage. */
    private static final int MAX_HEADER = 1 << 20;
    static final int CHUNK = 1 << 16;

    private Npy() {}

    /** Writes one array: {@code numbers} for a float64 array, else {@code codePoints} for a unicode one. */
    static void write(String descr, long[] shape, double[] numbers, int[] codePoints, OutputStream out)
            throws IOException {
        out.write(header(descr, shape));
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        if (numbers != null) {
            for (double v : numbers) {
                if (buf.remaining() < Double.BYTES) flush(buf, out);
                buf.putDouble(v);
            }
        } else {
            int width = Math.max(1, codePoints.length);
            for (int i = 0; i < width; i++) {
                if (buf.remaining() < Integer.BYTES) flush(buf, out);
                buf.putInt(i < codePoints.length ? codePoints[i] : 0);
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
    static String shapeText(long[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) s.append(", ");
            s.append(shape[i]);
        }
        return s.append(')').toString();
    }

    /**
     * A parsed array. Exactly one of numbers (C order), texts (C order) and unsupported (why it
     * cannot be used) is set.
     */
    record Array(String descr, long[] shape, double[] numbers, String[] texts, String unsupported) {
        static Array unsupported(String descr, long[] shape, String why) {
            return new Array(descr, shape, null, null, why);
        }
    }

    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*(?:'([^']*)'|\"([^\"]*)\"|(.))");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)\\b");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern TYPE = Pattern.compile("([<>|=])([a-zA-Z])(\\d+)");

    /** Parses one array of {@code size} bytes (-1: unknown) named {@code name} in model file {@code file}. */
    static Array parse(String file, String name, InputStream in, long size) throws IOException {
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
                    + IoErrors.oneLine(header.strip()) + ")", null);
        }
        long[] shape = parseShape(file, name, s.group(1));
        boolean fortran = f.group(1).equals("True");
        String descr = d.group(1) != null ? d.group(1) : d.group(2);
        if (descr == null) {
            return Array.unsupported("structured", shape, "has a structured dtype");
        }
        Matcher t = TYPE.matcher(descr);
        if (!t.matches()) {
            return Array.unsupported(descr, shape, "has dtype '" + descr + "', which is not supported");
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
            return Array.unsupported(descr, shape, "has dtype '" + descr + "', which is not supported");
        }
        boolean bigEndian = order == '>' || (order == '=' && ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN);
        if (bigEndian && itemSize > 1 && kind != 'S') {
            return Array.unsupported(descr, shape, "has big-endian dtype '" + descr + "', which is not supported");
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
            return Array.unsupported(descr, shape, "has " + shape.length + " dimensions in Fortran order, which is not supported");
        }
        if (count > Integer.MAX_VALUE - 8) {
            return Array.unsupported(descr, shape, "has " + count + " elements, more than a Java array holds");
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
        return new Array(descr, shape, numbers, texts, null);
    }

    private static long[] parseShape(String file, String name, String text) {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.endsWith("L")) p = p.substring(0, p.length() - 1); // Python 2 longs in old files
            if (p.isEmpty()) continue;
            if (!p.matches("\\d{1,18}")) {
                throw corrupt(file, "array " + name + " has a bad shape (" + IoErrors.oneLine(text) + ")", null);
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

    static ScratchnetException corrupt(String file, String what, Throwable cause) {
        return new ScratchnetException("model file " + file + " is corrupt: " + what + "; " + REMEDY_CORRUPT, cause);
    }
}

package io.github.scratchnet.data;

import io.github.scratchnet.IoErrors;
import io.github.scratchnet.ScratchnetException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads and writes NumPy {@code .npz} archives, so that a model saved here loads with {@code
 * np.load} and arrays saved by NumPy load here.
 *
 * <p>Writing: {@code Npz.writer().matrix("W1", w).scalar("lr", 0.1).string("bn_mode", "batch")
 * .write(path)}. Each matrix keeps its 2-D shape as little-endian float64 in C order, a scalar is a
 * 0-d float64 array and a string a 0-d unicode array, so {@code np.load(f)["bn_mode"].item()} is a
 * Python {@code str}. The file is replaced atomically: a crash mid-write leaves the old file (or
 * none), never half a file. The zip layer of writing is {@link NpzWriter}, the bytes of one array
 * {@link Npy}; this class is the reader.
 *
 * <p>Reading: {@link #read(Path)} accepts float64, float32, the usual integer and bool types, and
 * unicode or byte strings, in C or (up to 2-D) Fortran order, stored or deflated ({@code
 * np.savez_compressed}). A damaged file fails at once; an array of a type this class does not
 * handle (big-endian, objects, structured) fails only when asked for, so the other arrays of such a
 * file stay usable. Every failure is a one-line {@link ScratchnetException}.
 */
public final class Npz {
    private static final String REMEDY_CORRUPT = Npy.REMEDY_CORRUPT;
    private static final String REMEDY_TYPE = "store it as little-endian float64 (numpy: a.astype('<f8'))";

    private final String file;
    private final Map<String, Npy.Array> entries;

    private Npz(String file, Map<String, Npy.Array> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Starts an empty archive; add arrays, then {@link NpzWriter#write(Path)}. */
    public static NpzWriter writer() {
        return new NpzWriter();
    }

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
            throw Npy.corrupt(shown, "it is not a complete zip archive (" + IoErrors.oneLine(e.getMessage()) + ")", e);
        } catch (IOException e) {
            throw new ScratchnetException("cannot read model file " + shown + ": " + IoErrors.describe(e)
                    + "; check the path and its permissions", e);
        } catch (RuntimeException e) {
            throw Npy.corrupt(shown, "it is not a valid zip archive (" + IoErrors.oneLine(e.getMessage()) + ")", e);
        }
        Map<String, Npy.Array> entries = new LinkedHashMap<>();
        String current = null;
        try (zip) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.isDirectory() || !e.getName().endsWith(".npy")) continue;
                current = e.getName().substring(0, e.getName().length() - 4);
                try (InputStream in = new BufferedInputStream(zip.getInputStream(e), Npy.CHUNK)) {
                    entries.put(current, Npy.parse(shown, current, in, e.getSize()));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ScratchnetException s) throw s;
            String where = current == null ? "its zip directory is damaged" : "array " + current + " cannot be unpacked";
            throw Npy.corrupt(shown, where + " (" + IoErrors.oneLine(e.getMessage()) + ")", e);
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
        Npy.Array e = numeric(name);
        long rows = e.shape().length == 0 ? 1 : e.shape()[0];
        long cols = e.shape().length < 2 ? 1 : e.shape()[1];
        if (e.shape().length > 2) {
            throw problem(name, "has shape " + Npy.shapeText(e.shape()) + " but a matrix needs at most 2 dimensions",
                    "save it reshaped to 2-D");
        }
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            throw problem(name, "has shape " + Npy.shapeText(e.shape()) + ", too large for a matrix", REMEDY_CORRUPT);
        }
        DMatrixRMaj m = new DMatrixRMaj((int) rows, (int) cols);
        System.arraycopy(e.numbers(), 0, m.data, 0, e.numbers().length);
        return m;
    }

    /**
     * The single number of a 0-d array (or of any array with exactly one element).
     *
     * @throws ScratchnetException if the array is missing, holds text or has another size
     */
    public double scalar(String name) {
        Npy.Array e = numeric(name);
        if (e.numbers().length != 1) {
            throw problem(name, "has shape " + Npy.shapeText(e.shape()) + " but a single number was expected",
                    REMEDY_CORRUPT);
        }
        return e.numbers()[0];
    }

    /**
     * The text of a 0-d unicode (or byte, read as UTF-8) array, without NumPy's trailing NUL
     * padding.
     *
     * @throws ScratchnetException if the array is missing, holds numbers or more than one string
     */
    public String string(String name) {
        Npy.Array e = usable(name);
        if (e.texts() == null) {
            throw problem(name, "holds numbers (" + e.descr() + ") but text was expected", REMEDY_CORRUPT);
        }
        if (e.texts().length != 1) {
            throw problem(name, "has shape " + Npy.shapeText(e.shape()) + " but a single string was expected",
                    REMEDY_CORRUPT);
        }
        return e.texts()[0];
    }

    private Npy.Array numeric(String name) {
        Npy.Array e = usable(name);
        if (e.numbers() == null) {
            throw problem(name, "holds text (" + e.descr() + ") but numbers were expected", REMEDY_CORRUPT);
        }
        return e;
    }

    private Npy.Array usable(String name) {
        Npy.Array e = entries.get(name);
        if (e == null) {
            List<String> names = new ArrayList<>(entries.keySet());
            String held = names.isEmpty() ? "no arrays at all"
                    : String.join(", ", names.subList(0, Math.min(10, names.size())))
                            + (names.size() > 10 ? ", ..." : "");
            throw new ScratchnetException("model file " + file + " has no array " + name + " (it holds "
                    + held + "); " + REMEDY_CORRUPT);
        }
        if (e.unsupported() != null) {
            throw problem(name, e.unsupported(), REMEDY_TYPE);
        }
        return e;
    }

    private ScratchnetException problem(String name, String what, String remedy) {
        return new ScratchnetException("model file " + file + ": array " + name + " " + what + "; " + remedy);
    }
}

package io.github.scratchnet.nn;

/**
 * Which implementation of the hot loops this JVM runs, decided once at start-up: the Vector API
 * kernels ({@code VectorKernels}) when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} on a processor with 256-bit vectors, the plain Java
 * ones ({@code ScalarKernels}) otherwise. Both give the same numbers bit for bit; the vector
 * kernels are about twice as fast. {@code -Dscratchnet.vector=false} forces the plain ones.
 */
public final class Kernels {
    /** The JVM option that turns the vector kernels on. */
    public static final String JVM_OPTION = "--add-modules jdk.incubator.vector";

    /** Why the plain kernels run, or null when the vector kernels do: decided once. */
    private static final String SCALAR_REASON = scalarReason();
    static final boolean VECTOR = SCALAR_REASON == null;

    private Kernels() {
    }

    /** Whether the Vector API kernels are in use. */
    public static boolean vectorised() {
        return VECTOR;
    }

    /** One line for logs and benchmark output: which kernels run, and how to get the fast ones if not. */
    public static String describe() {
        return VECTOR ? "vector kernels (Java Vector API, 4 doubles per instruction)"
                : "scalar kernels (" + SCALAR_REASON + ")";
    }

    private static String scalarReason() {
        if (!Boolean.parseBoolean(System.getProperty("scratchnet.vector", "true"))) {
            return "-Dscratchnet.vector=false";
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "start java with " + JVM_OPTION + " for about twice the speed";
        }
        try {
            return VectorKernels.fitsHardware() ? null : "this processor has no 256-bit vectors";
        } catch (LinkageError e) {
            return "the Vector API did not load: " + e;
        }
    }

    /** See {@link ScalarKernels#sparseAccumulate}. */
    static void sparseAccumulate(double[] out, int oo, int width, double[] m, int[] row, double[] coef, int q0, int q1) {
        if (VECTOR) VectorKernels.sparseAccumulate(out, oo, width, m, row, coef, q0, q1);
        else ScalarKernels.sparseAccumulate(out, oo, width, m, row, coef, q0, q1);
    }

    /** See {@link ScalarKernels#denseAccumulate}. */
    static void denseAccumulate(double[] out, int oo, int width, double[] m, double[] x, int xo, int xs, int count) {
        if (VECTOR) VectorKernels.denseAccumulate(out, oo, width, m, x, xo, xs, count);
        else ScalarKernels.denseAccumulate(out, oo, width, m, x, xo, xs, count);
    }

    /**
     * One sample's share of {@code Xᵀ·dZ1} (see {@link ScalarKernels#scatterRow}); {@code unit}
     * and {@code count} (the units with {@code dz != 0}, first) are only read by the scalar kernel.
     */
    static void scatterRow(double[] dw, int width, int[] col, double[] val, int q0, int q1,
            double[] dz, int zo, int[] unit, int uo, int count) {
        if (VECTOR) VectorKernels.scatterRow(dw, width, col, val, q0, q1, dz, zo);
        else ScalarKernels.scatterRow(dw, width, col, val, q0, q1, dz, zo, unit, uo, count);
    }

    /**
     * {@code width} rounded up to whole vectors when the vector kernels run (a product whose rows
     * are padded with zero columns then needs no one-output-at-a-time leftovers), else {@code width}.
     */
    static int paddedWidth(int width) {
        return VECTOR ? (width + VectorKernels.LANES - 1) / VectorKernels.LANES * VectorKernels.LANES : width;
    }

    /**
     * How many passes over its inputs {@link #denseAccumulate} makes for {@code width} outputs
     * (one per register block and one per leftover output). Used to run a product along its wider
     * side.
     */
    static int passes(int width) {
        return VECTOR ? VectorKernels.passes(width) : ScalarKernels.passes(width);
    }

    /** Whether {@link #scatterRow} reads the order of the units (the scalar kernel skips zero ones). */
    static boolean ordersUnits() {
        return !VECTOR;
    }
}

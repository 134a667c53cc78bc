package io.github.scratchnet.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot loops of {@link ScalarKernels} on the Java Vector API: four outputs per instruction
 * (256-bit lanes of doubles), up to five vectors held in registers while the inputs stream past.
 * Each lane computes {@code s + v·m} with a separate multiply and add, exactly as the scalar
 * {@code s += v * m} does (never a fused multiply-add), and every output adds its terms in the
 * same order, so the results are those of {@link ScalarKernels} bit for bit.
 *
 * <p>Only loaded when the JVM runs with {@code --add-modules jdk.incubator.vector} (see
 * {@link Kernels}); outputs left over after the last whole vector go through the scalar loops.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    /** Doubles per vector. */
    static final int LANES = 4;
    private static final int L = LANES;

    private VectorKernels() {
    }

    /** Whether the processor has vectors of at least four doubles (otherwise the API emulates them slowly). */
    static boolean fitsHardware() {
        return DoubleVector.SPECIES_PREFERRED.length() >= L;
    }

    /** {@link ScalarKernels#sparseAccumulate}, four outputs per lane. */
    static void sparseAccumulate(double[] out, int oo, int width, double[] m, int[] row, double[] coef, int q0, int q1) {
        int o = 0;
        for (; o + 5 * L <= width; o += 5 * L) {
            int p = oo + o;
            DoubleVector s0 = DoubleVector.fromArray(S, out, p);
            DoubleVector s1 = DoubleVector.fromArray(S, out, p + L);
            DoubleVector s2 = DoubleVector.fromArray(S, out, p + 2 * L);
            DoubleVector s3 = DoubleVector.fromArray(S, out, p + 3 * L);
            DoubleVector s4 = DoubleVector.fromArray(S, out, p + 4 * L);
            for (int q = q0; q < q1; q++) {
                DoubleVector v = DoubleVector.broadcast(S, coef[q]);
                int k = row[q] * width + o;
                s0 = s0.add(v.mul(DoubleVector.fromArray(S, m, k)));
                s1 = s1.add(v.mul(DoubleVector.fromArray(S, m, k + L)));
                s2 = s2.add(v.mul(DoubleVector.fromArray(S, m, k + 2 * L)));
                s3 = s3.add(v.mul(DoubleVector.fromArray(S, m, k + 3 * L)));
                s4 = s4.add(v.mul(DoubleVector.fromArray(S, m, k + 4 * L)));
            }
            s0.intoArray(out, p);
            s1.intoArray(out, p + L);
            s2.intoArray(out, p + 2 * L);
            s3.intoArray(out, p + 3 * L);
            s4.intoArray(out, p + 4 * L);
        }
        for (; o + 2 * L <= width; o += 2 * L) {
            int p = oo + o;
            DoubleVector s0 = DoubleVector.fromArray(S, out, p);
            DoubleVector s1 = DoubleVector.fromArray(S, out, p + L);
            for (int q = q0; q < q1; q++) {
                DoubleVector v = DoubleVector.broadcast(S, coef[q]);
                int k = row[q] * width + o;
                s0 = s0.add(v.mul(DoubleVector.fromArray(S, m, k)));
                s1 = s1.add(v.mul(DoubleVector.fromArray(S, m, k + L)));
            }
            s0.intoArray(out, p);
            s1.intoArray(out, p + L);
        }
        for (; o + L <= width; o += L) {
            int p = oo + o;
            DoubleVector s0 = DoubleVector.fromArray(S, out, p);
            for (int q = q0; q < q1; q++) {
                s0 = s0.add(DoubleVector.broadcast(S, coef[q]).mul(DoubleVector.fromArray(S, m, row[q] * width + o)));
            }
            s0.intoArray(out, p);
        }
        ScalarKernels.sparseOneByOne(out, oo, width, o, m, row, coef, q0, q1);
    }

    /**
     * Passes of {@link #denseAccumulate} over its inputs for {@code width} outputs: blocks of 2
     * and 1 vectors, then one output at a time.
     */
    static int passes(int width) {
        return width / (2 * L) + width % (2 * L) / L + width % L;
    }

    /** {@link ScalarKernels#denseAccumulate}, four outputs per lane. */
    static void denseAccumulate(double[] out, int oo, int width, double[] m, double[] x, int xo, int xs, int count) {
        int o = 0;
        for (; o + 2 * L <= width; o += 2 * L) {
            int p = oo + o;
            DoubleVector s0 = DoubleVector.fromArray(S, out, p);
            DoubleVector s1 = DoubleVector.fromArray(S, out, p + L);
            for (int k = 0, xi = xo, mi = o; k < count; k++, xi += xs, mi += width) {
                DoubleVector v = DoubleVector.broadcast(S, x[xi]);
                s0 = s0.add(v.mul(DoubleVector.fromArray(S, m, mi)));
                s1 = s1.add(v.mul(DoubleVector.fromArray(S, m, mi + L)));
            }
            s0.intoArray(out, p);
            s1.intoArray(out, p + L);
        }
        for (; o + L <= width; o += L) {
            int p = oo + o;
            DoubleVector s0 = DoubleVector.fromArray(S, out, p);
            for (int k = 0, xi = xo, mi = o; k < count; k++, xi += xs, mi += width) {
                s0 = s0.add(DoubleVector.broadcast(S, x[xi]).mul(DoubleVector.fromArray(S, m, mi)));
            }
            s0.intoArray(out, p);
        }
        ScalarKernels.denseOneByOne(out, oo, width, o, m, x, xo, xs, count);
    }

    /**
     * {@code dw[col[q]·width + u] += val[q]·dz[zo + u]} for every entry {@code q0 <= q < q1} of one
     * sample and every unit {@code u < width}. Unlike {@link ScalarKernels#scatterRow} it adds the
     * units whose {@code dz} is zero too: four lanes cost one instruction either way, and an added
     * exact zero changes nothing (a sum that starts at +0 never becomes -0).
     */
    static void scatterRow(double[] dw, int width, int[] col, double[] val, int q0, int q1, double[] dz, int zo) {
        int o = 0;
        for (; o + 5 * L <= width; o += 5 * L) {
            DoubleVector d0 = DoubleVector.fromArray(S, dz, zo + o);
            DoubleVector d1 = DoubleVector.fromArray(S, dz, zo + o + L);
            DoubleVector d2 = DoubleVector.fromArray(S, dz, zo + o + 2 * L);
            DoubleVector d3 = DoubleVector.fromArray(S, dz, zo + o + 3 * L);
            DoubleVector d4 = DoubleVector.fromArray(S, dz, zo + o + 4 * L);
            for (int q = q0; q < q1; q++) {
                DoubleVector x = DoubleVector.broadcast(S, val[q]);
                int k = col[q] * width + o;
                DoubleVector.fromArray(S, dw, k).add(x.mul(d0)).intoArray(dw, k);
                DoubleVector.fromArray(S, dw, k + L).add(x.mul(d1)).intoArray(dw, k + L);
                DoubleVector.fromArray(S, dw, k + 2 * L).add(x.mul(d2)).intoArray(dw, k + 2 * L);
                DoubleVector.fromArray(S, dw, k + 3 * L).add(x.mul(d3)).intoArray(dw, k + 3 * L);
                DoubleVector.fromArray(S, dw, k + 4 * L).add(x.mul(d4)).intoArray(dw, k + 4 * L);
            }
        }
        for (; o + L <= width; o += L) {
            DoubleVector d0 = DoubleVector.fromArray(S, dz, zo + o);
            for (int q = q0; q < q1; q++) {
                int k = col[q] * width + o;
                DoubleVector.fromArray(S, dw, k).add(DoubleVector.broadcast(S, val[q]).mul(d0)).intoArray(dw, k);
            }
        }
        for (; o < width; o++) {
            double d = dz[zo + o];
            if (d == 0) continue;
            for (int q = q0; q < q1; q++) dw[col[q] * width + o] += val[q] * d;
        }
    }
}

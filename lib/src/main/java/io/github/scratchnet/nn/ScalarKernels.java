package io.github.scratchnet.nn;

/**
 * The three hot loops of a pass in plain Java: a sparse row times a matrix, a dense vector times a
 * matrix, and one sample's share of the first layer's weight gradient. Blocks of outputs are kept
 * in local variables (registers) while the inputs stream past; every output still adds its terms
 * one by one in the order of the plain loop, so these are the reference results that
 * {@link VectorKernels} reproduces bit for bit.
 */
final class ScalarKernels {
    private ScalarKernels() {
    }

    /**
     * {@code out[oo + o] += Σ_q coef[q]·m[row[q]·width + o]} for {@code q0 <= q < q1} and
     * {@code 0 <= o < width}: the sparse product of one row. Blocks of 8 (then 4, then 1) outputs
     * are held in registers while the entries stream past; each output still adds its terms in
     * the order of {@code q}, exactly as the plain loop {@code for q: for o: out[o] += ...} does.
     */
    static void sparseAccumulate(double[] out, int oo, int width, double[] m, int[] row, double[] coef, int q0, int q1) {
        int o = 0;
        for (; o + 8 <= width; o += 8) {
            int p = oo + o;
            double s0 = out[p], s1 = out[p + 1], s2 = out[p + 2], s3 = out[p + 3];
            double s4 = out[p + 4], s5 = out[p + 5], s6 = out[p + 6], s7 = out[p + 7];
            for (int q = q0; q < q1; q++) {
                double v = coef[q];
                int k = row[q] * width + o;
                s0 += v * m[k];
                s1 += v * m[k + 1];
                s2 += v * m[k + 2];
                s3 += v * m[k + 3];
                s4 += v * m[k + 4];
                s5 += v * m[k + 5];
                s6 += v * m[k + 6];
                s7 += v * m[k + 7];
            }
            out[p] = s0; out[p + 1] = s1; out[p + 2] = s2; out[p + 3] = s3;
            out[p + 4] = s4; out[p + 5] = s5; out[p + 6] = s6; out[p + 7] = s7;
        }
        for (; o + 4 <= width; o += 4) {
            int p = oo + o;
            double s0 = out[p], s1 = out[p + 1], s2 = out[p + 2], s3 = out[p + 3];
            for (int q = q0; q < q1; q++) {
                double v = coef[q];
                int k = row[q] * width + o;
                s0 += v * m[k];
                s1 += v * m[k + 1];
                s2 += v * m[k + 2];
                s3 += v * m[k + 3];
            }
            out[p] = s0; out[p + 1] = s1; out[p + 2] = s2; out[p + 3] = s3;
        }
        sparseOneByOne(out, oo, width, o, m, row, coef, q0, q1);
    }

    /** {@link #sparseAccumulate} for the outputs {@code from <= o < width}, one at a time (the leftovers of the blocks). */
    static void sparseOneByOne(double[] out, int oo, int width, int from, double[] m, int[] row, double[] coef, int q0, int q1) {
        for (int o = from; o < width; o++) {
            double s = out[oo + o];
            for (int q = q0; q < q1; q++) s += coef[q] * m[row[q] * width + o];
            out[oo + o] = s;
        }
    }

    /**
     * Passes of {@link #denseAccumulate} over its inputs for {@code width} outputs: blocks of 8,
     * then 4, then one output at a time.
     */
    static int passes(int width) {
        return width / 8 + width % 8 / 4 + width % 4;
    }

    /**
     * {@code out[oo + o] += Σ_k x[xo + k·xs]·m[k·width + o]} for {@code 0 <= k < count}: a dense
     * vector (any stride) times a row-major matrix, blocked like {@link #sparseAccumulate}.
     */
    static void denseAccumulate(double[] out, int oo, int width, double[] m, double[] x, int xo, int xs, int count) {
        int o = 0;
        for (; o + 8 <= width; o += 8) {
            int p = oo + o;
            double s0 = out[p], s1 = out[p + 1], s2 = out[p + 2], s3 = out[p + 3];
            double s4 = out[p + 4], s5 = out[p + 5], s6 = out[p + 6], s7 = out[p + 7];
            for (int k = 0, xi = xo, mi = o; k < count; k++, xi += xs, mi += width) {
                double v = x[xi];
                s0 += v * m[mi];
                s1 += v * m[mi + 1];
                s2 += v * m[mi + 2];
                s3 += v * m[mi + 3];
                s4 += v * m[mi + 4];
                s5 += v * m[mi + 5];
                s6 += v * m[mi + 6];
                s7 += v * m[mi + 7];
            }
            out[p] = s0; out[p + 1] = s1; out[p + 2] = s2; out[p + 3] = s3;
            out[p + 4] = s4; out[p + 5] = s5; out[p + 6] = s6; out[p + 7] = s7;
        }
        for (; o + 4 <= width; o += 4) {
            int p = oo + o;
            double s0 = out[p], s1 = out[p + 1], s2 = out[p + 2], s3 = out[p + 3];
            for (int k = 0, xi = xo, mi = o; k < count; k++, xi += xs, mi += width) {
                double v = x[xi];
                s0 += v * m[mi];
                s1 += v * m[mi + 1];
                s2 += v * m[mi + 2];
                s3 += v * m[mi + 3];
            }
            out[p] = s0; out[p + 1] = s1; out[p + 2] = s2; out[p + 3] = s3;
        }
        denseOneByOne(out, oo, width, o, m, x, xo, xs, count);
    }

    /** {@link #denseAccumulate} for the outputs {@code from <= o < width}, one at a time (the leftovers of the blocks). */
    static void denseOneByOne(double[] out, int oo, int width, int from, double[] m, double[] x, int xo, int xs, int count) {
        for (int o = from; o < width; o++) {
            double s = out[oo + o];
            for (int k = 0, xi = xo, mi = o; k < count; k++, xi += xs, mi += width) s += x[xi] * m[mi];
            out[oo + o] = s;
        }
    }


    /**
     * {@code dw[col[q]·width + u] += val[q]·dz[zo + u]} for every entry {@code q0 <= q < q1} of one
     * sample and its units {@code u = unit[uo..uo+count)}: the sample's share of {@code Xᵀ·dZ1},
     * added after the samples before it (so each element is summed sample by sample). The units
     * are those with {@code dz != 0}; blocks of 4 are filled up with units whose {@code dz} is zero,
     * which add an exact zero (a sum that starts at +0 never becomes -0).
     */
    static void scatterRow(double[] dw, int width, int[] col, double[] val, int q0, int q1,
            double[] dz, int zo, int[] unit, int uo, int count) {
        int lanes = Math.min((count + 3) & ~3, width & ~3);
        int b = 0;
        for (; b < lanes; b += 4) {
            int u0 = unit[uo + b], u1 = unit[uo + b + 1], u2 = unit[uo + b + 2], u3 = unit[uo + b + 3];
            double d0 = dz[zo + u0], d1 = dz[zo + u1], d2 = dz[zo + u2], d3 = dz[zo + u3];
            for (int q = q0; q < q1; q++) {
                double x = val[q];
                int k = col[q] * width;
                dw[k + u0] += x * d0;
                dw[k + u1] += x * d1;
                dw[k + u2] += x * d2;
                dw[k + u3] += x * d3;
            }
        }
        for (; b < count; b++) {
            int u = unit[uo + b];
            double d = dz[zo + u];
            for (int q = q0; q < q1; q++) dw[col[q] * width + u] += val[q] * d;
        }
    }
}

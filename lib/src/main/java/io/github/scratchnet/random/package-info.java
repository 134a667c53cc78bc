/**
 * The random streams of the course report's Python code, so that this engine can replay its runs:
 * the same split, the same batch order and the same initial weights.
 *
 * <ul>
 *   <li>{@link io.github.scratchnet.random.Mt19937}: the Mersenne Twister both libraries use, with
 *       the {@code init_genrand} seeding of {@code numpy.random.RandomState(seed)} and {@code
 *       torch.manual_seed(seed)}.
 *   <li>{@link io.github.scratchnet.random.NumpyRandomState#permutation}: NumPy's legacy {@code
 *       RandomState(seed).permutation(n)}, the shuffle behind scikit-learn's {@code
 *       train_test_split(random_state=seed)}.
 *   <li>{@link io.github.scratchnet.random.TorchGenerator}: PyTorch's CPU {@code torch.randperm(n)}
 *       and float64 {@code torch.randn}, and the report's width-scaled initial weights.
 * </ul>
 *
 * <p>Versions: checked against NumPy 1.24 and PyTorch 1.13 (Debian's {@code python3-numpy} and
 * {@code python3-torch}); {@code tools/report_stream_fixtures.py} writes the fixtures the tests
 * compare with, and records the versions. Other versions may draw differently (newer PyTorch, for
 * example, uses {@code log1p} in its scalar normal path).
 *
 * <p>Exactness: permutations and raw outputs are equal to the libraries' exactly. Normals are
 * within two units in the last place, and bit-equal for all but about 0.3% of them: Box-Muller
 * needs {@code log}, {@code sin} and {@code cos}, and Java's {@link java.lang.Math} versions differ
 * from glibc's, which PyTorch calls, by one unit in the last place for a few arguments. One unit of
 * cos &theta; can become two units of r cos &theta; when the product falls into a lower binade. For the
 * report's 15905 weights of seed 42, 38 normals differ by one unit and 4 by two ({@link
 * java.lang.StrictMath} would differ far more often). The report's results do not depend on
 * differences this small.
 *
 * <p>Seeds are {@code long}s from 0 to 2^32 - 1, the range both libraries take as the same
 * 32-bit seed; others are refused with an {@link io.github.scratchnet.InvalidParameterException}
 * naming {@code seed}.
 */
package io.github.scratchnet.random;

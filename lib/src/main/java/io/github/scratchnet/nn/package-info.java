/**
 * The network math, hand-written on EJML in double precision.
 *
 * <p>Conventions:
 * <ul>
 *   <li>Layout: one sample per row. Layer {@code l} computes {@code Z = A(l-1)·Wt + b}; weights are
 *       stored input-major ({@code Wt}, shape {@code n(l-1) x n(l)}), the transpose of the report's
 *       {@code W}, which {@link io.github.scratchnet.nn.Parameters#weight(int)} and model files give.</li>
 *   <li>Initialisation: He-normal weights, {@code N(0, 2/n(l-1))}, zero biases, from one seed.</li>
 *   <li>Cost: mean cross-entropy of the softmax output, computed through log-sum-exp, plus
 *       {@code lambda/(2m)·ΣW²} over weights only; its gradient adds {@code (lambda/m)·W}.</li>
 *   <li>Batchnorm ({@link io.github.scratchnet.nn.BatchNormMode}): batch statistics in training,
 *       running statistics at inference (momentum {@value io.github.scratchnet.nn.Network#BN_MOMENTUM},
 *       biased batch variance, epsilon {@value io.github.scratchnet.nn.Network#BN_EPSILON}); the
 *       backward pass goes through the mean and the variance.</li>
 *   <li>Work matrices are allocated once per {@link io.github.scratchnet.nn.Pass}; a smaller last batch
 *       reshapes them.</li>
 *   <li>The hot loops run on the Java Vector API when the JVM has {@code jdk.incubator.vector}, on
 *       plain Java otherwise ({@link io.github.scratchnet.nn.Kernels}); both give the same bits.</li>
 * </ul>
 */
package io.github.scratchnet.nn;

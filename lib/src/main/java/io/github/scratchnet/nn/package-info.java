/**
 * The network math, hand-written on EJML in double precision.
 *
 * <p>The network, bottom up, one class per layer kind, each with its forward next to its backward
 * and owning exactly the work matrices its backward needs:
 * {@code SparseInputLayer} ({@code Z1 = X·Wt1 + b1} on the sparse pixels) → per hidden layer a
 * {@code HiddenActivation}, its {@link io.github.scratchnet.nn.Activation} composed with the
 * {@link io.github.scratchnet.nn.BatchNormMode}: {@code ActivationOnly} (off), {@code ThenNormalize}
 * (normalize: the activation, then normalised; {@code ThenReportNormalize} in the report's form) or
 * {@code BatchNormThen} (full: batchnorm, then the activation), the two sound normalising kinds
 * {@code NormalizedActivation}s on {@code BatchStatistics} → {@code DenseLayer}
 * ({@code Z = A·Wt + b}) → … → {@code SoftmaxCrossEntropy}. {@link io.github.scratchnet.nn.Propagator} composes them
 * ({@code LayerStack}), runs them sample by sample ({@code RowWiseSchedule}) or layer by layer
 * ({@code LayerWiseSchedule}, training with batchnorm), and splits large batches across threads
 * ({@code ThreadSplit} on a {@code WorkerTeam}). State lives in {@link io.github.scratchnet.nn.Network}
 * ({@link io.github.scratchnet.nn.Parameters}, {@link io.github.scratchnet.nn.RunningStats});
 * {@link io.github.scratchnet.nn.Evaluator} scores whole data sets, {@link io.github.scratchnet.nn.ModelFile}
 * saves. The layers compute gradients only; an {@link io.github.scratchnet.optim.Optimizer} moves the
 * parameters, inside the propagator's fused step as soon as each array's gradient is done.
 *
 * <p>Conventions:
 * <ul>
 *   <li>Layout: one sample per row. Layer {@code l} computes {@code Z = A(l-1)·Wt + b}; weights are
 *       stored input-major ({@code Wt}, shape {@code n(l-1) x n(l)}), the transpose of the report's
 *       {@code W}, which {@link io.github.scratchnet.nn.Parameters#weight(int)} and model files give.</li>
 *   <li>Activations ({@link io.github.scratchnet.nn.Activation}): ReLU (the default and the report's),
 *       tanh, sigmoid and leaky ReLU (slope 0.01), each an element-wise {@code ActivationFunction}
 *       class with its forward beside its backward; the backward takes {@code f'} from the input
 *       {@code Z} and works in place, turning {@code dA} into {@code dZ}.</li>
 *   <li>Initialisation ({@link io.github.scratchnet.nn.Initialization}), zero biases, weights from one
 *       seed: He-normal {@code N(0, 2/n(l-1))} for the ReLU family, Xavier-normal
 *       {@code N(0, 2/(n(l-1) + n(l)))} for tanh and sigmoid: each activation's
 *       {@link io.github.scratchnet.nn.Activation#defaultInitialization()}. A training run that names
 *       no protocol uses it (the sound protocol with that init); a protocol's {@code init} field, when
 *       given, applies as given, so {@code --protocol sound} is He whatever the activation, and the
 *       report's width-scaled draw stays available to every activation.</li>
 *   <li>Cost: mean cross-entropy of the softmax output, computed through log-sum-exp, plus
 *       {@code lambda/(2m)·ΣW²} over weights only; its gradient adds {@code (lambda/m)·W}.</li>
 *   <li>Batchnorm ({@link io.github.scratchnet.nn.BatchNormMode}): batch statistics in training,
 *       running statistics at inference (momentum {@value io.github.scratchnet.nn.Network#BN_MOMENTUM},
 *       biased batch variance, epsilon {@value io.github.scratchnet.nn.Network#BN_EPSILON}); the
 *       backward pass goes through the mean and the variance.</li>
 *   <li>Work matrices are allocated once per layer of a {@link io.github.scratchnet.nn.Propagator} (backward
 *       ones on the first backward); a smaller last batch reshapes them. Per step only small
 *       objects are allocated: the immutable records that carry a stage's inputs ({@code Batch},
 *       {@code Step}) and the lambdas that hand a stage to {@code ThreadSplit}, which capture them;
 *       no array.</li>
 *   <li>Gradients are named after what they differentiate ({@code dZ}, {@code dA}, {@code dWt});
 *       {@code dZ} of the output layer is {@code (P - Y)/m}, so every gradient below carries the
 *       {@code 1/m} of the mean cost.</li>
 *   <li>The hot loops run on the Java Vector API when the JVM has {@code jdk.incubator.vector}, on
 *       plain Java otherwise ({@link io.github.scratchnet.nn.Kernels}); both give the same bits.</li>
 * </ul>
 */
package io.github.scratchnet.nn;

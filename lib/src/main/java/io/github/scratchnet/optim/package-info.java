/**
 * Optimisers: the rule that moves the parameters once the layers have computed their gradients,
 * and the state that rule keeps per parameter (in the spirit of PyTorch's {@code torch.optim}).
 *
 * <p>An {@link io.github.scratchnet.optim.OptimizerSpec} is the value a run is configured with
 * ({@code sgd}, {@code momentum}, {@code adam,beta2=0.99}); {@link
 * io.github.scratchnet.optim.OptimizerSpec#create} makes the {@link io.github.scratchnet.optim.Optimizer}
 * object of one network: {@link io.github.scratchnet.optim.Sgd} (no state), {@link
 * io.github.scratchnet.optim.Momentum} (a velocity per parameter) or {@link
 * io.github.scratchnet.optim.Adam} (first and second moments and a step count).
 *
 * <p>Conventions:
 * <ul>
 *   <li>The gradient an optimiser receives is the gradient of the whole cost,
 *       {@code crossEntropy + lambda/(2m)·ΣW²}: L2 enters every rule through the gradient
 *       ({@code dW += (lambda/m)·W}), coupled like PyTorch's {@code weight_decay}, not decoupled as
 *       in AdamW.</li>
 *   <li>State arrays have the shapes of the parameters ({@link io.github.scratchnet.nn.Parameters}:
 *       weights input-major) and are updated element by element, so a step can be applied to a range
 *       of one array (a feature chunk of the first layer on its own thread).</li>
 *   <li>Plain SGD is the engine's fused step: the sparse first layer moves only the rows of
 *       {@code Wt1} its batch wrote. Momentum and Adam move every row at every step, since their
 *       state decays where the gradient is zero.</li>
 * </ul>
 */
package io.github.scratchnet.optim;

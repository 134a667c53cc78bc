/**
 * The reference benchmark workload: MNIST 48000 / 12000, layers [784, 20, 7, 5, 10], ReLU,
 * softmax + cross-entropy, He init, SGD with learning rate 0.009, batch size B, reshuffled every
 * epoch, a full validation check every 100 steps inside the timed epoch, no early stopping, no
 * batchnorm, no L2. {@link io.github.scratchnet.bench.Benchmark} runs it through the ordinary
 * {@link io.github.scratchnet.train.Trainer} and times each epoch; {@code lib/PERFORMANCE.md}
 * records what the numbers were and why.
 */
package io.github.scratchnet.bench;

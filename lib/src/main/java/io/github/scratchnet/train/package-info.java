/**
 * Training: a validated {@link io.github.scratchnet.train.TrainConfig}, the mini-batch SGD
 * {@link io.github.scratchnet.train.Trainer} with validation checks every {@code evalEvery} steps,
 * {@link io.github.scratchnet.train.EarlyStopping} on the validation cost, and the
 * {@link io.github.scratchnet.train.TrainingResult} with its full history. A run is a pure function
 * of its configuration and data: the seed drives initialisation and the per-epoch shuffles.
 */
package io.github.scratchnet.train;

/**
 * Training: a validated {@link io.github.scratchnet.train.TrainConfig}, the mini-batch SGD
 * {@link io.github.scratchnet.train.Trainer} with validation checks every {@code evalEvery} steps,
 * {@link io.github.scratchnet.train.EarlyStopping} on the validation cost, and the
 * {@link io.github.scratchnet.train.TrainingResult} with its full history. A run is a pure function
 * of its configuration and data: the seed drives initialisation and the per-epoch shuffles.
 * {@link io.github.scratchnet.train.Setting} declares each setting of a configuration once, for the
 * command line, run ids, run files and the results store; {@link io.github.scratchnet.train.Protocol}
 * is the setting that says what a run does besides its numbers.
 */
package io.github.scratchnet.train;

/**
 * Sweeps: many training runs, in parallel, that survive being stopped.
 *
 * <ul>
 *   <li>{@link io.github.scratchnet.experiment.Sweep} trains a list of configurations on a pool of
 *       threads; with an output folder every finished run is written at once (atomically) and a
 *       second call resumes instead of recomputing.
 *   <li>{@link io.github.scratchnet.experiment.SweepGrid} builds the list as a Cartesian product.
 *   <li>{@link io.github.scratchnet.experiment.SweepResult} and
 *       {@link io.github.scratchnet.experiment.SweepRun} give each run's summary, history and
 *       network; {@link io.github.scratchnet.experiment.ResultsStore} the tidy per-run and
 *       per-check tables (Tablesaw, written as CSV).
 *   <li>{@link io.github.scratchnet.experiment.RunId} names runs after their configuration.
 *   <li>{@link io.github.scratchnet.experiment.Shard} picks the K-th of N disjoint slices of a
 *       sweep, so that N processes can share one sweep and one output folder.
 * </ul>
 *
 * <p>Folder layout: {@code DIR/runs/<id>.json} and {@code DIR/runs/<id>.npz} per run,
 * {@code DIR/runs.csv} (one row per run) and {@code DIR/checks.csv} (one row per validation check),
 * both rebuilt from every run file in {@code DIR/runs/}.
 */
package io.github.scratchnet.experiment;

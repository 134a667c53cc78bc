/**
 * What the notebooks need beyond the library itself, so that their cells only show things.
 *
 * <ul>
 *   <li>{@link io.github.scratchnet.notebook.NotebookSettings}: full or smoke mode (environment
 *       variable {@code SCRATCHNET_SMOKE}), where data and results live, sweeps with their output
 *       folders. Smoke mode writes only under {@code results/smoke/}.
 *   <li>{@link io.github.scratchnet.notebook.ReportQuestions}: the configurations of each question
 *       of the report, under the one-check stopping rule and under a patient one.
 *   <li>{@link io.github.scratchnet.notebook.LiveProgress}: a thread-safe sweep listener that
 *       redraws one progress table in place, a few times per second at most.
 *   <li>{@link io.github.scratchnet.notebook.Conclusions}: the sentences and tables a notebook
 *       closes with, computed from the runs (best batch size, fastest run close to it, lambda
 *       chosen on validation accuracy, weights with and without L2, ours against the report).
 *   <li>{@link io.github.scratchnet.notebook.Walkthrough}: small inputs, matrix shapes and the
 *       gradient-check table for the walkthrough notebook.
 *   <li>{@link io.github.scratchnet.notebook.ScratchnetExtension}: the JJava kernel extension
 *       ({@code %classpath} installs it): charts as PNG ({@link io.github.scratchnet.notebook.ChartPng}),
 *       tables as HTML ({@link io.github.scratchnet.notebook.TableHtml}), default imports.
 * </ul>
 *
 * <p>Paths are relative to the notebook folder by default ({@code ../data/mnist},
 * {@code ../results}), since the kernel runs there.
 */
package io.github.scratchnet.notebook;

/**
 * The original report's functions under Java names, in the report's layout (features x samples,
 * one-hot labels classes x samples): a readable version of the engine in {@code nn}, kept equal to
 * it by tests, for the walkthrough notebook.
 */
package io.github.scratchnet.report;

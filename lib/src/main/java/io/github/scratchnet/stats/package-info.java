/**
 * Statistics over seeds: means with Student-t confidence intervals, paired differences between
 * settings trained with the same seeds with their paired t-tests, Holm's correction over the
 * family of tests one question runs, and the summary tables with spread that the notebooks show
 * (numbers for the CSVs, {@code mean ± sd} strings to read). The t quantiles and tests come from
 * Apache Commons Math.
 */
package io.github.scratchnet.stats;

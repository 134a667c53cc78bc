/**
 * Statistics over seeds: means with Student-t confidence intervals, paired differences between
 * settings trained with the same seeds, and the summary tables with spread that the notebooks
 * show. The t quantiles come from Apache Commons Math.
 */
package io.github.scratchnet.stats;

/**
 * Charts (XChart) and tables (Tablesaw) for the notebooks. The network code does not depend on
 * this package; it only reads results.
 */
package io.github.scratchnet.viz;

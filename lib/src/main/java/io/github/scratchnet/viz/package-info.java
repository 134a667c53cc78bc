/**
 * Charts (XChart) and tables (Tablesaw) for the notebooks. The network code does not depend on
 * this package; it only reads results. {@link io.github.scratchnet.viz.Theme} is the one look
 * (Okabe–Ito colours, a fixed colour per batch size, the batch-size axis labelled 16 to 512);
 * {@link io.github.scratchnet.viz.CostCurves} and {@link io.github.scratchnet.viz.LiveCurves}
 * give the cells the data of their charts, which the cells still create, style and fill in view.
 */
package io.github.scratchnet.viz;

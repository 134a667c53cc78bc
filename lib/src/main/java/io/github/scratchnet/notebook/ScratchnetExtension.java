package io.github.scratchnet.notebook;

import java.util.List;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The JJava kernel extension of the scratchnet jar, so that notebook cells can end with
 * {@code chart} or {@code table} instead of rendering by hand.
 *
 * <p>JJava installs it when {@code %classpath} adds the jar (it is listed in
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}). It registers renderers, so that a
 * cell's value or {@code display(x)} shows any XChart chart as {@code image/png} and a Tablesaw
 * {@link Table} and an {@link HtmlText} as {@code text/html} (all with a {@code text/plain} fallback), and imports
 * {@link #IMPORTS} into the notebook. The kernel already renders a {@code BufferedImage} as PNG.
 * The kernel API is compiled against but not shipped: the kernel supplies it.
 */
public final class ScratchnetExtension implements Extension {

    /**
     * What a notebook gets imported. Checked to introduce no clash of simple names with each other
     * or with the kernel's own imports (java.util, java.io, java.time, ...): no {@code java.awt.*},
     * whose {@code List} would clash with {@code java.util.List}.
     */
    public static final List<String> IMPORTS = List.of(
            "java.nio.file.*",
            "java.util.*",
            "org.knowm.xchart.*",
            "org.knowm.xchart.style.*",
            "org.knowm.xchart.style.markers.*",
            "tech.tablesaw.api.*",
            "static tech.tablesaw.aggregate.AggregateFunctions.*",
            "tech.tablesaw.selection.Selection",
            "io.github.scratchnet.data.*",
            "io.github.scratchnet.experiment.*",
            "io.github.scratchnet.nn.*",
            "io.github.scratchnet.notebook.*",
            "io.github.scratchnet.report.*",
            "io.github.scratchnet.train.*",
            "io.github.scratchnet.viz.*");

    /** {@link #IMPORTS} as one snippet of import statements. */
    public static String importScript() {
        StringBuilder sb = new StringBuilder();
        for (String i : IMPORTS) sb.append("import ").append(i).append(";\n");
        return sb.toString();
    }

    @Override
    public void install(BaseKernel kernel) {
        register(kernel.getRenderer());
        try {
            kernel.eval(importScript());
        } catch (Exception e) {
            throw new IllegalStateException("scratchnet: default imports failed: " + e.getMessage(), e);
        }
    }

    /** The chart and table renderers; the most specific registered class of a value wins. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void register(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((chart, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> ChartPng.base64((Chart<?, ?>) chart));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> ChartPng.text((Chart<?, ?>) chart));
                });
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> TableHtml.html(table));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> TableHtml.text(table));
                });
        renderer.createRegistration(HtmlText.class)
                .preferring(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((text, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> ((HtmlText) text).html());
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text.toString());
                });
    }
}

package io.github.scratchnet.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class ScratchnetExtensionTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static XYChart chart() {
        XYChart chart = new XYChartBuilder().width(240).height(160).title("cost").build();
        chart.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        return chart;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8), "PNG signature");
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void chartIsAPngOfItsOwnSize() throws IOException {
        BufferedImage image = decode(ChartPng.png(chart()));
        assertEquals(240, image.getWidth());
        assertEquals(160, image.getHeight());
        assertEquals("XYChart \"cost\" (240x160)", ChartPng.text(chart()));
    }

    @Test
    void rendererShowsAnyChartAsBase64Png() throws IOException {
        Renderer renderer = new Renderer();
        ScratchnetExtension.register(renderer);
        DisplayData xy = renderer.render(chart());
        BufferedImage image = decode(Base64.getDecoder().decode((String) xy.getData(MIMEType.IMAGE_PNG)));
        assertEquals(240, image.getWidth());
        assertEquals("XYChart \"cost\" (240x160)", xy.getData(MIMEType.TEXT_PLAIN));
        // another Chart subclass goes through the same registration
        CategoryChart categories = new CategoryChartBuilder().width(300).height(200).build();
        categories.addSeries("n", List.of("a", "b"), List.of(1, 2));
        DisplayData bars = renderer.render(categories);
        assertEquals(300, decode(Base64.getDecoder().decode((String) bars.getData(MIMEType.IMAGE_PNG))).getWidth());
        // what the notebook's render(chart, "image/png") asks for
        assertTrue(renderer.renderAs(chart(), "image/png").hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    void rendererShowsATableAsHtmlWithTextFallback() {
        Renderer renderer = new Renderer();
        ScratchnetExtension.register(renderer);
        Table t = Table.create("Q4 <runs>", IntColumn.create("Batch Size", 16, 32),
                DoubleColumn.create("Test Accuracy", 0.912345678, 0.9));
        DisplayData d = renderer.render(t);
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertTrue(html.startsWith("<table"), html);
        assertTrue(html.contains(">Q4 &lt;runs&gt;</caption>"), html);
        assertTrue(html.contains("<th style=\"padding:2px 8px;text-align:right\">Test Accuracy</th>"), html);
        assertTrue(html.contains(">0.9123</td>") && html.contains(">0.9000</td>") && html.contains(">32</td>"), html);
        String text = (String) d.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("Q4 <runs>") && text.contains("0.912345678"), text);
    }

    @Test
    void longTablesAreCutWithACount() {
        Table t = Table.create("long", IntColumn.indexColumn("i", 120, 0));
        String html = TableHtml.html(t);
        assertEquals(TableHtml.MAX_ROWS, count(html, "<tr>") - 1, "header row + shown rows");
        assertTrue(html.contains(">49</td>") && !html.contains(">50</td>"), html);
        assertTrue(html.endsWith("\u2026 70 more rows (120 in all)</div>"), html);
        assertTrue(TableHtml.html(t, 119).contains("\u2026 1 more row (120 in all)"));
        assertFalse(TableHtml.html(t, 120).contains("more row"));
        assertTrue(TableHtml.text(t).endsWith("\n\u2026 70 more rows (120 in all)"));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void servicesFileNamesTheExtension() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/org.dflib.jjava.jupyter.Extension")) {
            assertEquals(ScratchnetExtension.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    /**
     * The imports together with the kernel's own (JJava 1.0a8's startup script) leave the names
     * notebooks use unambiguous: every snippet compiles in a JShell like the kernel's.
     */
    @Test
    void defaultImportsLeaveNoAmbiguousNames() {
        String kernelImports = "import java.util.*;\nimport java.io.*;\nimport java.math.*;\nimport java.net.*;\n"
                + "import java.time.*;\nimport java.util.concurrent.*;\nimport java.util.prefs.*;\nimport java.util.regex.*;\n";
        List<String> problems = new ArrayList<>();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            for (String src : List.of(kernelImports, ScratchnetExtension.importScript(),
                    "List<String> l = new ArrayList<>(Map.of(\"a\", 1).keySet());",
                    "Path p = Paths.get(\"x\"); boolean e = Files.exists(p);",
                    "XYChart c = new XYChartBuilder().width(80).height(60).theme(Styler.ChartTheme.Matlab).build();",
                    "c.addSeries(\"s\", new double[] {1, 2}, new double[] {2, 1}).setMarker(SeriesMarkers.NONE);",
                    "CategoryChart bars = new CategoryChartBuilder().build(); Styler.LegendPosition lp = Styler.LegendPosition.InsideNE;",
                    "Table t = Table.create(\"t\", DoubleColumn.create(\"x\", 1.0, 3.0), StringColumn.create(\"k\", \"a\", \"a\"));",
                    "Table s = t.summarize(\"x\", mean, max).by(\"k\"); Selection sel = t.doubleColumn(\"x\").isGreaterThan(2); Row r = t.row(0);",
                    "Class<?>[] used = {Sweep.class, SweepRun.class, RunSummary.class, NotebookSettings.class, LiveProgress.class,"
                            + " TrainConfig.class, Trainer.class, Network.class, BatchNormMode.class, ImageGrid.class,"
                            + " Theme.class, Dataset.class, Mnist.class, ReportNetwork.class, File.class, Duration.class};")) {
                for (SnippetEvent ev : shell.eval(src)) {
                    if (ev.status() != Snippet.Status.VALID || ev.exception() != null) {
                        String why = shell.diagnostics(ev.snippet()).map(d -> d.getMessage(null)).reduce("", (a, b) -> a + " " + b);
                        problems.add(ev.snippet().source().strip() + " -> " + ev.status() + why
                                + (ev.exception() != null ? " " + ev.exception() : ""));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}

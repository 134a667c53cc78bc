package io.github.scratchnet.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

class ThemeTest {
    @TempDir
    Path dir;

    static XYChart chart() {
        XYChart c = new XYChartBuilder().width(300).height(200).title("t").xAxisTitle("x").yAxisTitle("y").build();
        c.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        return c;
    }

    @Test
    void applyStylesAndReturnsTheSameChart() {
        XYChart c = chart();
        assertSame(c, Theme.apply(c));
        assertEquals(Color.WHITE, c.getStyler().getChartBackgroundColor());
        assertEquals(Styler.LegendPosition.InsideNE, c.getStyler().getLegendPosition());
        HeatMapChart heat = Theme.apply(new HeatMapChartBuilder().width(100).height(100).build());
        assertEquals(Styler.LegendPosition.OutsideE, heat.getStyler().getLegendPosition(), "heat maps refuse inside legends");
    }

    @Test
    void savesPngAtTheChartSize() throws IOException {
        Path png = dir.resolve("a/b/chart.png");
        XYChart c = chart();
        assertSame(c, Theme.save(c, png));
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(300, back.getWidth());
        assertEquals(200, back.getHeight());
    }

    @Test
    void gridPlacesChartsRowByRow() {
        BufferedImage g = Theme.grid(List.of(chart(), chart(), chart()), 2, 150, 100);
        assertEquals(300, g.getWidth());
        assertEquals(200, g.getHeight());
        assertEquals(Color.WHITE.getRGB(), g.getRGB(299, 199), "the empty fourth cell stays white");
        assertThrows(ScratchnetException.class, () -> Theme.grid(List.of(), 2, 10, 10));
    }

    @Test
    void anUnwritablePlaceGetsOneLine() throws IOException {
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> Theme.save(chart(), file.resolve("c.png")));
        assertTrue(e.getMessage().contains("choose a writable folder"), e.getMessage());
    }

    @Test
    void theSixBatchSizesHaveDistinctPaletteColours() {
        XYChart c = Theme.apply(chart());
        assertEquals(Theme.PALETTE, List.of(c.getStyler().getSeriesColors()), "series take the Okabe–Ito colours in order");
        List<Color> six = Theme.BATCH_SIZES.stream().map(Theme::batchSizeColor).toList();
        assertEquals(6, six.stream().distinct().count());
        assertEquals(six, Theme.PALETTE.subList(0, 6), "the default order gives the six batch sizes the same colours");
        assertEquals(new Color(0, 114, 178), Theme.batchSizeColor(128), "Okabe–Ito blue");
        assertThrows(io.github.scratchnet.InvalidParameterException.class, () -> Theme.batchSizeColor(100));
    }

    @Test
    void batchSizeAxisLabelsExactlyThePowersOfTwo() {
        XYChart c = new XYChartBuilder().width(720).height(400).title("t").xAxisTitle("Batch size").yAxisTitle("y").build();
        Theme.batchSizeAxis(Theme.apply(c));
        double[] x = Theme.batchSizeX(new double[] {16, 32, 64, 128, 256, 512});
        assertEquals(4, x[0], 1e-12);
        assertEquals(9, x[5], 1e-12);
        c.addSeries("s", x, new double[] {1, 2, 3, 4, 5, 6}, new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1});
        java.util.function.Function<Double, String> label = c.getStyler().getxAxisTickLabelsFormattingFunction();
        List<String> labels = java.util.stream.DoubleStream.of(3, 4, 5, 6, 7, 8, 9, 10).boxed().map(label).toList();
        assertEquals(List.of(" ", "16", "32", "64", "128", "256", "512", "  "), labels, "the ends blank but distinct");
        assertEquals(3.0, c.getStyler().getXAxisMin());
        assertEquals(10.0, c.getStyler().getXAxisMax());
        // XChart refuses an empty label and drops a labelling with repeats: painting must succeed
        BufferedImage image = Theme.image(c);
        assertEquals(720, image.getWidth());
        assertThrows(io.github.scratchnet.InvalidParameterException.class, () -> Theme.batchSizeX(new double[] {24}));
    }

    @Test
    void legendOutsideSitsRightOfThePlot() {
        XYChart c = Theme.legendOutside(Theme.apply(chart()));
        assertEquals(Styler.LegendPosition.OutsideE, c.getStyler().getLegendPosition());
        assertEquals(Styler.LegendLayout.Vertical, c.getStyler().getLegendLayout());
        assertTrue(c.getStyler().isErrorBarsColorSeriesColor(), "error bars in their series' colour");
    }
}

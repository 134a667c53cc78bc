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
}

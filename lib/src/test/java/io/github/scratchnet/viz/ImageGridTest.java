package io.github.scratchnet.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageGridTest {
    @Test
    void greyScaleRunsFromWhiteToBlackAndClamps() {
        ImageGrid g = new ImageGrid(2, 2, 1).grey(0, 1);
        assertEquals(Color.WHITE, g.colour(0));
        assertEquals(Color.BLACK, g.colour(1));
        assertEquals(new Color(128, 128, 128), g.colour(0.5 - 0.5 / 255));
        assertEquals(Color.BLACK, g.colour(7), "clamped");
    }

    @Test
    void divergingIsWhiteAtZeroBlueBelowRedAbove() {
        ImageGrid g = new ImageGrid(2, 2, 1).diverging(2);
        assertEquals(Color.WHITE, g.colour(0));
        assertEquals(new Color(0, 0, 255), g.colour(-2));
        assertEquals(new Color(255, 0, 0), g.colour(5), "clamped at +limit");
        assertEquals(new Color(255, 128, 128), g.colour(1 - 1.0 / 255), "half way to red");
    }

    @Test
    void drawsEachImageScaledInItsCell() {
        ImageGrid g = new ImageGrid(2, 1, 2).scale(10).grey(0, 1);
        g.add(new double[] {1, 0}, "a").add(new double[] {0, 1}, "b").add(new double[] {1, 1}, "c");
        BufferedImage img = g.image();
        // two columns of cells at least 60 px wide plus padding; two rows (3 images, 2 per row)
        assertEquals(2 * 66 + 6, img.getWidth());
        assertEquals(2 * (10 + 16 + 6) + 6, img.getHeight());
        // the first image is centred in its 60-px cell: its black pixel starts at 6 + (60 - 20) / 2 = 26
        assertEquals(Color.BLACK.getRGB(), img.getRGB(26 + 5, 6 + 5));
        assertEquals(Color.WHITE.getRGB(), img.getRGB(26 + 15, 6 + 5));
    }

    @Test
    void badSizesGetOneLine() {
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> new ImageGrid(28, 28, 4).add(new double[10], "x"));
        assertTrue(e.getMessage().contains("784 values, got 10"), e.getMessage());
        assertThrows(ScratchnetException.class, () -> new ImageGrid(0, 28, 4));
    }
}

package io.github.scratchnet.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.scratchnet.train.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class LiveCurvesTest {
    @Test
    void addsThenReplacesEachRunsSeries() {
        XYChart chart = new XYChartBuilder().width(300).height(200).build();
        Map<String, List<Check>> curves = new LinkedHashMap<>();
        curves.put("bs 16", List.of(new Check(0, 0, 2.3, 2.2, 0.1, 0)));
        curves.put("bs 32", List.of());
        assertSame(chart, LiveCurves.update(chart, curves));
        assertEquals(List.of("bs 16"), List.copyOf(chart.getSeriesMap().keySet()), "a run without checks waits");
        curves.put("bs 16", List.of(new Check(0, 0, 2.3, 2.2, 0.1, 0), new Check(50, 1, 1.3, 1.1, 0.6, 1)));
        LiveCurves.update(chart, curves);
        assertArrayEquals(new double[] {0, 50}, chart.getSeriesMap().get("bs 16").getXData());
        assertArrayEquals(new double[] {2.2, 1.1}, chart.getSeriesMap().get("bs 16").getYData());
        assertEquals(1, chart.getSeriesMap().size());
    }
}

package io.github.scratchnet.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.nn.GradientCheck;
import io.github.scratchnet.report.ReportNetwork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class WalkthroughTest {
    @Test
    void toyInputsAreSeededAndShaped() {
        DMatrixRMaj x = Walkthrough.uniform(3, 4, 5);
        assertArrayEquals(x.data, Walkthrough.uniform(3, 4, 5).data);
        for (double v : x.data) assertTrue(v >= 0 && v < 1);
        DMatrixRMaj y = Walkthrough.randomOneHot(3, 4, 5);
        for (int s = 0; s < 4; s++) assertEquals(1.0, y.get(0, s) + y.get(1, s) + y.get(2, s));
        assertEquals("3 x 4", Walkthrough.shape(Walkthrough.gaussian(3, 4, 1)));
        assertEquals(4, Walkthrough.dataset(x, y).size());
    }

    @Test
    void textAlignsColumns() {
        DMatrixRMaj m = Walkthrough.matrix(new double[][] {{1, -2.5}, {10, 0}});
        assertEquals("2 x 2\n[ 1.0 -2.5 ]\n[10.0  0.0 ]\n", Walkthrough.text(m, 1));
    }

    @Test
    void shapesTableListsEachMatrix() {
        Map<String, DMatrixRMaj> p = ReportNetwork.initializeParameters(new int[] {4, 3, 2}, 1);
        Table t = Walkthrough.shapes("p", p);
        assertEquals(List.of("W1", "b1", "W2", "b2"), t.stringColumn("Name").asList());
        assertEquals(List.of(3, 3, 2, 2), t.intColumn("Rows").asList());
        assertEquals(List.of(4, 1, 3, 1), t.intColumn("Columns").asList());
    }

    @Test
    void reportGradientsAgreeWithFiniteDifferencesAndParametersAreRestored() {
        int[] dims = {5, 4, 3};
        DMatrixRMaj x = Walkthrough.uniform(5, 6, 1);
        DMatrixRMaj y = Walkthrough.randomOneHot(3, 6, 2);
        Map<String, DMatrixRMaj> p = ReportNetwork.initializeParameters(dims, 3);
        double[] before = p.get("W1").data.clone();
        Map<String, List<GradientCheck.Row>> checks = new LinkedHashMap<>();
        checks.put("plain", Walkthrough.reportGradientCheck(x, y, p, false, 0.1));
        checks.put("batchnorm", Walkthrough.reportGradientCheck(x, y, p, true, 0));
        assertArrayEquals(before, p.get("W1").data);
        assertEquals(4, checks.get("plain").size());
        assertTrue(Walkthrough.worst(checks) < Walkthrough.AGREES, "worst " + Walkthrough.worst(checks));
        Table t = Walkthrough.gradientTable("g", checks);
        assertEquals(8, t.rowCount());
        assertEquals(List.of("yes"), t.stringColumn("Agrees").unique().asList());
    }

    @Test
    void aWrongGradientIsFlagged() {
        Map<String, List<GradientCheck.Row>> bad = Map.of("bad", List.of(new GradientCheck.Row("W1", 0.1, 0.2)));
        assertEquals("NO", Walkthrough.gradientTable("g", bad).stringColumn("Agrees").get(0));
    }
}

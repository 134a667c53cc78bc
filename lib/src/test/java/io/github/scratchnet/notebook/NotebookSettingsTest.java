package io.github.scratchnet.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.train.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.io.TempDir;

class NotebookSettingsTest {
    @TempDir Path root;

    @Test
    void smokeSwitchReadsTheUsualSpellings() {
        for (String yes : new String[] {"1", "true", "YES", " on "}) assertTrue(NotebookSettings.isSmoke(yes), yes);
        for (String no : new String[] {null, "", "0", "false", "No", "off"}) assertFalse(NotebookSettings.isSmoke(no), no);
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> NotebookSettings.isSmoke("maybe"));
        assertTrue(e.getMessage().contains("SCRATCHNET_SMOKE=maybe"), e.getMessage());
    }

    @Test
    void batchSizesAreACopyThatANotebookKnobCanEditAlone() {
        int[] knob = NotebookSettings.batchSizes();
        knob[0] = 8;
        assertArrayEquals(new int[] {16, 32, 64, 128, 256, 512}, NotebookSettings.batchSizes());
        assertEquals(16, new ReportQuestions(NotebookSettings.of(false, root, 1)).q4().get(0).batchSize(),
                "question 4 must not follow an edited copy");
        assertEquals("16, 32, 64, 128, 256, 512", NotebookSettings.of(false, root).describe().get("batch sizes"));
    }

    @Test
    void fullModeIsTheReportsSetting() {
        NotebookSettings s = NotebookSettings.of(false, root);
        assertFalse(s.smoke());
        for (int b : NotebookSettings.batchSizes()) assertEquals(TrainConfig.report(b, 1), s.base(b));
        assertEquals(48_000, s.trainImages());
        assertEquals(root.resolve("results"), s.resultsDir());
        assertEquals(root.resolve("results/runs/q4"), s.runsDir("q4"));
        assertEquals(root.resolve("results/q4/overview.png"), s.result("q4", "overview.png"));
        assertEquals(root.resolve("data/mnist"), s.dataDir());
        assertEquals(2, s.parallelism());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, s.seeds());
    }

    @Test
    void anotherDataSetHasItsOwnFolder() {
        NotebookSettings s = NotebookSettings.of(false, root).withDataSet(io.github.scratchnet.data.DataSetKind.FASHION_MNIST);
        assertEquals(io.github.scratchnet.data.DataSetKind.FASHION_MNIST, s.dataSet());
        assertEquals(root.resolve("data/fashion-mnist"), s.dataDir());
        assertEquals(io.github.scratchnet.data.DataSetKind.MNIST, NotebookSettings.of(false, root).dataSet());
        assertArrayEquals(NotebookSettings.of(false, root).seeds(), s.seeds(), "everything else stays");
    }

    @Test
    void seedsComeFromTheEnvironmentWithOneLineForNonsense() {
        assertEquals(5, NotebookSettings.seedCount(null, false));
        assertEquals(2, NotebookSettings.seedCount("", true));
        assertEquals(3, NotebookSettings.seedCount(" 3 ", false));
        for (String bad : new String[] {"0", "-1", "five", "101", "2.5"}) {
            ScratchnetException e = assertThrows(ScratchnetException.class, () -> NotebookSettings.seedCount(bad, false));
            assertTrue(e.getMessage().startsWith("SCRATCHNET_SEEDS=" + bad + " is not a number of seeds"), e.getMessage());
        }
        assertArrayEquals(new long[] {1, 2}, NotebookSettings.of(true, root).seeds());
    }

    @Test
    void smokeModeIsSmallAndWritesUnderResultsSmoke() {
        NotebookSettings s = NotebookSettings.of(true, root);
        TrainConfig c = s.base(64);
        assertEquals(2, c.maxEpochs());
        assertEquals(c.evalEvery(), c.patience());
        assertEquals(2000, s.trainImages());
        assertEquals(root.resolve("results/smoke/q4-summary.csv"), s.result("q4-summary.csv"));
        assertEquals(root.resolve("results/smoke/runs/q5"), s.runsDir("q5"));
        assertTrue(s.toString().contains("smoke"));
        assertTrue(s.html().startsWith("<table"));
        assertTrue(s.describe().get("kernels").contains("kernels"), "the settings say which kernels run");
    }

    @Test
    void questionNamesMustBeSafeFolderNames() {
        NotebookSettings s = NotebookSettings.of(false, root);
        assertThrows(ScratchnetException.class, () -> s.runsDir("../q4"));
        assertThrows(ScratchnetException.class, () -> s.runsDir(""));
    }

    @Test
    void smokeSweepsStartFromAnEmptyFolderOncePerSettings() throws Exception {
        NotebookSettings s = NotebookSettings.of(true, root);
        Path old = s.runsDir("q4").resolve("runs/old.json");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "{}");
        s.sweep("q4", null);
        assertFalse(Files.exists(old));
        Files.createDirectories(old.getParent());
        Files.writeString(old, "{}");
        s.sweep("q4", null);
        assertTrue(Files.exists(old), "a second sweep of the same settings keeps the runs of the first");
    }

    @Test
    void fullSweepsKeepFinishedRuns() throws Exception {
        NotebookSettings s = NotebookSettings.of(false, root);
        Path old = s.runsDir("q4").resolve("runs/old.json");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "{}");
        assertEquals(s.runsDir("q4"), s.sweep("q4", null).outputDir());
        assertTrue(Files.exists(old));
    }

    @Test
    void lookingWritesNothingAndWritingWritesWhereTheCellSays() throws Exception {
        NotebookSettings look = NotebookSettings.of(false, root);
        assertFalse(look.writes());
        Table t = Table.create("t").addColumns(IntColumn.create("x", 1, 2));
        XYChart chart = new XYChartBuilder().width(80).height(60).build();
        chart.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
        assertSame(t, look.write(t, "t.csv"));
        assertSame(chart, look.save(chart, "q4", "c.png"));
        look.publishRuns(t);
        assertFalse(Files.exists(root.resolve("results")), "looking wrote under results/");

        NotebookSettings write = look.withWrites(true);
        write.write(t, "t.csv");
        write.save(chart, "q4", "c.png");
        assertEquals("x\n1\n2\n", Files.readString(root.resolve("results/t.csv")));
        assertTrue(Files.size(root.resolve("results/q4/c.png")) > 0);
        // smoke mode always writes, under results/smoke/
        assertTrue(NotebookSettings.of(true, root).writes());
    }

    @Test
    void theStoreIsReadUnlessRetrainingOrAbsent() throws Exception {
        NotebookSettings s = NotebookSettings.of(false, root);
        assertTrue(s.retrains(), "no store: every run trains");
        Files.createDirectories(s.storeDir());
        assertFalse(s.retrains());
        assertTrue(s.withRetrain(true).retrains());
        assertTrue(NotebookSettings.of(true, root).retrains(), "smoke runs always train");
        assertTrue(s.html().contains("committed store"), s.html());
        ScratchnetException e = assertThrows(ScratchnetException.class, () -> NotebookSettings.isSet("SCRATCHNET_RETRAIN", "perhaps"));
        assertTrue(e.getMessage().startsWith("SCRATCHNET_RETRAIN=perhaps"), e.getMessage());
    }

    @Test
    void settingsTableStatesWhatANotebookRuns() {
        NotebookSettings s = NotebookSettings.of(false, root);
        java.util.Map<String, String> whatRuns = new java.util.LinkedHashMap<>();
        whatRuns.put("batch sizes", "32, 128, 512");
        whatRuns.put("λ", "0.05, 0.2");
        String html = s.html(whatRuns);
        assertTrue(html.contains("<b>batch sizes</b></td><td style=\"padding:1px 8px;text-align:left\">32, 128, 512</td>"), html);
        assertFalse(html.contains("16, 32, 64, 128, 256, 512"), "the default batch sizes are replaced, not listed beside");
        // a replaced row keeps its place (before max epochs); a new one comes last
        assertTrue(html.indexOf("batch sizes") < html.indexOf("max epochs"), html);
        assertTrue(html.indexOf("<b>λ</b>") > html.indexOf("<b>files</b>"), html);
        assertEquals(s.html(), s.html(java.util.Map.of()));
    }
}

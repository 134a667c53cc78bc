package io.github.scratchnet.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.data.DataSetKind;
import io.github.scratchnet.nn.ModelFile;
import io.github.scratchnet.train.Protocol;
import io.github.scratchnet.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** A sweep published to the committed store, read back without training, and compared with a new one. */
class CommittedStoreTest {
    @TempDir Path dir;

    private static final List<TrainConfig> CONFIGS = SweepGrid.of(SweepTest.BASE).batchSizes(32, 128).seeds(1, 2).configs();

    private Path trained;
    private SweepResult first;
    private CommittedStore store;

    @BeforeEach
    void trainAndPublish() throws IOException {
        trained = dir.resolve("runs").resolve("q");
        first = Sweep.builder().data(SmallMnist.loader()).parallelism(2).outputDir(trained).label("q").build().run(CONFIGS);
        Files.writeString(trained.resolve(CommittedStore.DRAWN), first.get(1).id() + "\n");
        store = new CommittedStore(dir.resolve("store"));
        assertEquals(1, store.publish("q", trained));
    }

    @Test
    void aSweepReadsTheStoreBitForBitAndTrainsNothing() {
        SweepTest.Recorder rec = new SweepTest.Recorder();
        SweepResult again = Sweep.builder().data(SmallMnist.loader()).parallelism(2).outputDir(dir.resolve("fresh"))
                .label("q").committed(store).listener(rec).build().run(CONFIGS);
        assertTrue(rec.started.isEmpty(), "trained: " + rec.started);
        assertEquals(CONFIGS.size(), rec.reused.size());
        for (int i = 0; i < CONFIGS.size(); i++) {
            SweepRun a = first.get(i);
            SweepRun b = again.get(i);
            assertEquals(a.summary(), b.summary(), a.id());
            assertEquals(a.history(), b.history(), a.id());
        }
        // only the drawn run kept its model, and it is the trained network's
        assertTrue(again.get(1).modelFile().isPresent());
        assertFalse(again.get(0).modelFile().isPresent());
        assertArrayEquals(first.get(1).network().parameters().wt(1).data, again.get(1).network().parameters().wt(1).data);
        // the sweep's own tables hold the store's runs
        assertEquals(CONFIGS.size(), ResultsStore.read(dir.resolve("fresh").resolve(ResultsStore.RUNS_CSV)).rowCount());
    }

    @Test
    void aRunOfAnotherConfigurationOrLabelIsNotTaken() {
        TrainConfig other = CONFIGS.get(0).toBuilder().protocol(Protocol.parse("sound,order=fixed")).build();
        assertTrue(store.find("q", other).isEmpty());
        assertTrue(store.find("elsewhere", CONFIGS.get(0)).isEmpty());
        assertTrue(store.find("q", CONFIGS.get(0)).isPresent());
    }

    @Test
    void theComparisonFindsEveryRunEqualAndThenTheOneChangedNumber() {
        StoreComparison same = StoreComparison.of(store, "q", trained);
        assertTrue(same.equal(), same.describe());
        assertEquals(CONFIGS.size(), same.compared());
        assertEquals(1, same.models());
        assertTrue(same.describe().startsWith("q: same"), same.describe());

        Table runs = ResultsStore.read(trained.resolve(ResultsStore.RUNS_CSV));
        DoubleColumn test = runs.doubleColumn(ResultsStore.TEST_ACCURACY);
        test.set(2, Math.nextUp(test.get(2)));
        ResultsStore.write(runs, trained.resolve(ResultsStore.RUNS_CSV));
        StoreComparison changed = StoreComparison.of(store, "q", trained);
        assertFalse(changed.equal());
        assertEquals(List.of(runs.stringColumn(ResultsStore.RUN_ID).get(2) + " (" + ResultsStore.TEST_ACCURACY + ")"),
                changed.differing());
    }

    @Test
    void timesAreNotCompared() {
        Table runs = ResultsStore.read(trained.resolve(ResultsStore.RUNS_CSV));
        runs.doubleColumn(ResultsStore.TIME).set(0, 1e9);
        ResultsStore.write(runs, trained.resolve(ResultsStore.RUNS_CSV));
        assertTrue(StoreComparison.of(store, "q", trained).equal());
    }

    @Test
    void theGzippedTablesAreTheSameBytesEachTime() throws IOException {
        byte[] before = Files.readAllBytes(store.root().resolve("q").resolve(CommittedStore.RUNS));
        store.publish("q", trained);
        assertArrayEquals(before, Files.readAllBytes(store.root().resolve("q").resolve(CommittedStore.RUNS)));
    }

    @Test
    void aModelFileWithOtherWeightsDiffersAndOneWithMoreEntriesDoesNot() {
        Path committed = store.root().resolve("q").resolve(CommittedStore.MODELS).resolve(first.get(1).id() + ".npz");
        Path retrained = trained.resolve(Sweep.RUNS).resolve(first.get(1).id() + ".npz");
        // a committed file written without the optimiser's entries: the new one holds more, and every committed array equal
        ModelFile.save(first.get(1).network(), DataSetKind.MNIST, committed);
        assertTrue(StoreComparison.of(store, "q", trained).equal());
        ModelFile.save(first.get(0).network(), DataSetKind.MNIST, retrained);
        StoreComparison other = StoreComparison.of(store, "q", trained);
        assertEquals(List.of(first.get(1).id() + ".npz"), other.differingModels());
    }
}

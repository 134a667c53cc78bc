package io.github.scratchnet.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.nn.BatchNormMode;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Shard}: parsing K/N and slicing a sweep into disjoint, stable slices of whole trajectories. */
class ShardTest {
    private static final TrainConfig BASE = TrainConfig.builder().build();

    /** 12 trajectories of two stopping rules each: 24 configurations. */
    private static List<TrainConfig> sweep() {
        List<TrainConfig> out = new ArrayList<>();
        for (TrainConfig c : SweepGrid.of(BASE).batchSizes(16, 64, 256).l2(0, 0.05)
                .batchNorm(BatchNormMode.OFF, BatchNormMode.FULL).configs()) {
            out.add(c);
            out.add(c.toBuilder().patience(500).restoreBest(true).build());
        }
        return out;
    }

    @Test
    void parsesKOfN() {
        assertEquals(new Shard(1, 2), Shard.parse("1/2"));
        assertEquals(new Shard(3, 3), Shard.parse(" 3 / 3 "));
        assertEquals("2/5", Shard.parse("2/5").toString());
        assertEquals(Shard.ALL, Shard.parse("1/1"));
    }

    @Test
    void badValuesFailWithOneLine() {
        for (String bad : List.of("0/2", "3/2", "a/b", "1/0", "2", "1/2/3", "-1/2", "", "1/99999999999")) {
            ScratchnetException e = assertThrows(ScratchnetException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("--shard"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(assertThrows(ScratchnetException.class, () -> Shard.parse("3/2")).getMessage().contains("1 to 2"));
        assertThrows(ScratchnetException.class, () -> new Shard(0, 1));
    }

    @Test
    void slicesAreDisjointCoverTheSweepAndKeepItsOrder() {
        List<TrainConfig> all = sweep();
        for (int n = 1; n <= 13; n++) {
            List<TrainConfig> union = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                List<TrainConfig> slice = new Shard(k, n).slice(all);
                assertEquals(all.stream().filter(slice::contains).toList(), slice, "in the sweep's order");
                int trajectories = Trajectories.of(slice).size();
                assertTrue(trajectories == 12 / n || trajectories == 12 / n + 1, n + ": balanced, " + trajectories);
                union.addAll(slice);
            }
            assertEquals(all.size(), union.size(), n + " shards: no configuration twice");
            assertEquals(new HashSet<>(all), new HashSet<>(union), n + " shards: every configuration");
        }
    }

    @Test
    void aTrajectoryStaysWholeInOneShard() {
        List<TrainConfig> all = sweep();
        for (int k = 1; k <= 5; k++) {
            List<TrainConfig> slice = new Shard(k, 5).slice(all);
            for (TrainConfig c : slice) {
                assertTrue(slice.contains(c.toBuilder().patience(BASE.patience()).restoreBest(false).build())
                        && slice.contains(c.toBuilder().patience(500).restoreBest(true).build()), c.toString());
            }
        }
    }

    @Test
    void theSameSlicesWhateverTheOrderOfTheConfigurations() {
        List<TrainConfig> all = sweep();
        List<TrainConfig> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(7));
        // the grid's options in another order give the same list in another order
        List<TrainConfig> otherGrid = SweepGrid.of(BASE).batchNorm(BatchNormMode.FULL, BatchNormMode.OFF).l2(0.05, 0)
                .batchSizes(256, 16, 64).configs();
        for (int k = 1; k <= 3; k++) {
            Shard s = new Shard(k, 3);
            assertEquals(Set.copyOf(s.slice(all)), Set.copyOf(s.slice(shuffled)), s.toString());
            List<TrainConfig> plain = all.stream().filter(c -> c.restoreBest() == BASE.restoreBest()
                    && c.patience() == BASE.patience()).toList();
            assertEquals(Set.copyOf(s.slice(plain)), Set.copyOf(s.slice(otherGrid)), s.toString());
        }
    }

    @Test
    void moreShardsThanTrajectoriesLeavesSomeEmpty() {
        List<TrainConfig> two = SweepGrid.of(BASE).batchSizes(16, 32).configs();
        assertEquals(List.of(), new Shard(3, 3).slice(two));
        assertEquals(2, new Shard(1, 3).slice(two).size() + new Shard(2, 3).slice(two).size());
    }
}

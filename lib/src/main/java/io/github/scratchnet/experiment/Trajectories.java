package io.github.scratchnet.experiment;

import io.github.scratchnet.train.TrainConfig;
import io.github.scratchnet.train.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training trajectories: a stopping rule only watches a run, so configurations that differ in
 * nothing but their stopping rule share the steps they take, and one run of the most patient of
 * them gives the runs of all ({@link Trainer#observing}). A {@link Sweep} trains one trajectory per
 * group; the shards of a sweep keep each group whole.
 */
public final class Trajectories {
    private Trajectories() {}

    /**
     * The configurations grouped by training trajectory: those that differ only in their stopping
     * rule (patience, restoring the best check) take the same steps until a rule stops them, so one
     * run of the most patient of them gives all of their runs. Each group lists its most patient
     * configuration first; groups come in the order of their first configuration in {@code configs}.
     */
    public static List<List<TrainConfig>> of(List<TrainConfig> configs) {
        Map<TrainConfig, List<TrainConfig>> groups = new LinkedHashMap<>();
        for (TrainConfig c : configs) {
            groups.computeIfAbsent(c.toBuilder().patience(0).restoreBest(false).build(), k -> new ArrayList<>()).add(c);
        }
        List<List<TrainConfig>> out = new ArrayList<>();
        for (List<TrainConfig> g : groups.values()) {
            TrainConfig driver = g.get(0);
            for (TrainConfig c : g) {
                // of equally patient rules, the one that restores the best check trains (its checks are reported)
                boolean tie = !Trainer.morePatient(driver, c);
                if (Trainer.morePatient(c, driver) || (tie && c.restoreBest() && !driver.restoreBest())) driver = c;
            }
            List<TrainConfig> t = new ArrayList<>(List.of(driver));
            for (TrainConfig c : g) if (c != driver) t.add(c);
            out.add(t);
        }
        return out;
    }
}

package io.github.scratchnet.experiment;

import io.github.scratchnet.ScratchnetException;
import io.github.scratchnet.train.TrainConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The K-th of N disjoint slices of a sweep ({@code --shard K/N}, K from 1 to N), so that N
 * processes, on one machine or many, can share one sweep and one output folder.
 *
 * <p>A slice holds whole trajectories ({@link Sweep#trajectories}: configurations that differ
 * only in their stopping rule are trained once, so they go to the same shard). The trajectories
 * are sorted by the smallest {@link RunId} among their configurations, and shard K takes the
 * trajectories at positions K-1, K-1+N, K-1+2N, ... of that order. Run ids depend only on the
 * configurations, so the slices are the same on every machine and in every run, whatever the
 * order of the options; together the N slices hold every configuration once.
 */
public record Shard(int index, int count) {
    /** The whole sweep: shard 1 of 1. */
    public static final Shard ALL = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new ScratchnetException("shard " + index + "/" + count + " does not exist; give K/N with 1 <= K <= N,"
                    + " e.g. 1/4 for the first of four shards");
        }
    }

    /** Reads {@code K/N}; a one-line error for anything else ({@code 0/2}, {@code 3/2}, {@code a/b}). */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new ScratchnetException("--shard '" + text + "' is not of the form K/N; give e.g. 1/4 for the first"
                    + " of four shards (1 <= K <= N)");
        }
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1) throw new ScratchnetException("--shard " + k + "/" + n + ": N, the number of shards, must be at least 1");
        if (k < 1 || k > n) {
            throw new ScratchnetException("--shard " + k + "/" + n + " does not exist; K counts the shards from 1 to N (here 1 to "
                    + n + ")");
        }
        return new Shard(k, n);
    }

    /**
     * This shard's configurations, in the order of {@code configs}: every configuration of the
     * trajectories this shard owns, and no other.
     */
    public List<TrainConfig> slice(List<TrainConfig> configs) {
        if (count == 1) return List.copyOf(configs);
        List<List<TrainConfig>> trajectories = new ArrayList<>(Trajectories.of(configs));
        trajectories.sort(Comparator.comparing(Shard::firstId));
        Set<TrainConfig> mine = new HashSet<>();
        for (int i = index - 1; i < trajectories.size(); i += count) mine.addAll(trajectories.get(i));
        List<TrainConfig> out = new ArrayList<>();
        for (TrainConfig c : configs) if (mine.contains(c)) out.add(c);
        return out;
    }

    private static String firstId(List<TrainConfig> trajectory) {
        return trajectory.stream().map(RunId::of).min(Comparator.naturalOrder()).orElseThrow();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

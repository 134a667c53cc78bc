package io.github.scratchnet.train;

/** Receives training progress; printing and plotting are the caller's choice. */
public interface TrainingListener {
    /** Called after every validation check. */
    default void onCheck(Check check) {}

    /** Called when an epoch (1-based) has ended, with the number of steps taken so far. */
    default void onEpochEnd(int epoch, long steps) {}

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {};
}

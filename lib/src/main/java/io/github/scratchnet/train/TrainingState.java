package io.github.scratchnet.train;

import io.github.scratchnet.nn.Network;
import io.github.scratchnet.optim.Optimizer;

/**
 * What a training run changes and a check may have to put back: the network (parameters and
 * batchnorm running statistics) and its optimiser's state, copied and restored together so that a
 * restored check's parameters come with the optimiser state of the same step.
 */
final class TrainingState {
    final Network net;
    final Optimizer optimizer;

    TrainingState(Network net, Optimizer optimizer) {
        this.net = net;
        this.optimizer = optimizer;
    }

    /** A deep copy: the network and an optimiser of the copy with the same state. */
    TrainingState copy() {
        Network n = net.copy();
        return new TrainingState(n, optimizer.copyFor(n.parameters()));
    }

    /** Overwrites this state with {@code other}'s (same shapes and optimiser kind). */
    void setTo(TrainingState other) {
        net.setTo(other.net);
        optimizer.setTo(other.optimizer);
    }
}

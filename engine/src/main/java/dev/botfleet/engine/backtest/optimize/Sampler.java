package dev.botfleet.engine.backtest.optimize;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Proposes the parameters of the next trials. A proposal must be a pure function of its arguments: the runner
 * proposes a whole batch from the same history, and a resumed run re-proposes the trials of its checkpoint to
 * check they match, so nothing may depend on call order or on state kept between calls.
 */
public interface Sampler {
    /**
     * @param space   the dimensions, in order
     * @param index   the trial's index (0-based, proposal order)
     * @param history every finished trial before the current batch, in index order
     * @param seed    the run's seed
     * @return the parameters by dimension name, in space order; empty when there is nothing left to try
     */
    Optional<Map<String, Object>> propose(List<Dimension> space, int index, List<Trial> history, long seed);

    /** How many distinct proposals there are, when finite (a grid). */
    default OptionalLong size(List<Dimension> space) { return OptionalLong.empty(); }

    /** Identifies the sampler and its settings in a checkpoint header. */
    String describe();

    /** The generator for one trial: a fixed function of (seed, index), independent of threads and batches. */
    static SplittableRandom randomFor(long seed, int index) {
        long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;  // splitmix64 finaliser spreads neighbouring seeds
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}

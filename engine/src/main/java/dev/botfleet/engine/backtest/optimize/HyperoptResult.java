package dev.botfleet.engine.backtest.optimize;

import java.util.List;

/**
 * @param trials      every finished trial in index order
 * @param best        the lowest loss (earliest on ties); null when no trial finished
 * @param cancelled   the run was cancelled before all trials finished
 * @param resumed     trials taken from the checkpoint instead of being run again
 * @param maxInFlight trials that ran at once at most (threads, lowered by the memory bound)
 */
public record HyperoptResult(List<Trial> trials, Trial best, boolean cancelled, int resumed, int maxInFlight) {
    public HyperoptResult {
        trials = List.copyOf(trials);
    }
}

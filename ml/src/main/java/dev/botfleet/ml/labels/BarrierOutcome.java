package dev.botfleet.ml.labels;

/**
 * Which barrier a long entry at a candle's close touches first. The binary label is 1 for TAKE_PROFIT only: the
 * model learns "the take profit is reached before the stop loss and before the holding time ends".
 */
public enum BarrierOutcome {
    TAKE_PROFIT, STOP_LOSS, TIME_LIMIT;

    public int label() { return this == TAKE_PROFIT ? 1 : 0; }
}

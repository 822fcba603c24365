package dev.botfleet.engine.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.Dimension.RealDim;

import java.util.List;

/** Freqtrade's default stoploss hyperspace (IHyperOpt.stoploss_space): stoploss in -0.35..-0.02, 3 decimals. */
public final class StoplossSpace {
    private StoplossSpace() {
    }

    public static List<Dimension> dimensions() {
        return List.of(new RealDim("stoploss", -0.35, -0.02, 3));
    }
}

package dev.botfleet.engine.backtest.optimize;

import java.util.Arrays;

/** Scores a trial: lower is better (Freqtrade's IHyperOptLoss). */
public interface HyperoptLoss {
    double loss(TrialOutcome outcome);

    /** The name a user selects it by (Freqtrade's class name for the built-in ones). */
    String name();

    /** A built-in loss by Freqtrade's class name ({@code DefaultHyperOptLoss} is ShortTradeDurHyperOptLoss). */
    static HyperoptLoss named(String name) {
        if ("DefaultHyperOptLoss".equals(name)) return FreqtradeLoss.ShortTradeDurHyperOptLoss;
        for (FreqtradeLoss l : FreqtradeLoss.values()) if (l.name().equals(name)) return l;
        throw new IllegalArgumentException("hyperopt loss: unknown '" + name + "'; known: "
                + Arrays.stream(FreqtradeLoss.values()).map(FreqtradeLoss::name).toList());
    }
}

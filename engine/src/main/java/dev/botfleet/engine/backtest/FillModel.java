package dev.botfleet.engine.backtest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a backtest turns a strategy's orders into fills. */
public enum FillModel {
    /**
     * The simulated exchange paper trading uses: each bar replayed as four trades (O-H-L-C, or O-L-H-C when the open
     * is nearer the low), limits fill when traded through, market orders at the next trade plus slippage, fees per fill.
     */
    REALISTIC,
    /**
     * Freqtrade 2024.10's backtest semantics (engine.backtest.freqtrade): entries and exit signals at the next
     * candle's open, stoploss/ROI/trailing inside the candle. Only for strategies that trade one entry and one exit.
     */
    FREQTRADE;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static FillModel parse(String text) {
        for (FillModel m : values()) {
            if (m.id().equals(text)) return m;
        }
        throw new IllegalArgumentException("fill model must be one of "
                + Arrays.stream(values()).map(FillModel::id).collect(Collectors.joining(", ")) + ", was '" + text + "'");
    }
}

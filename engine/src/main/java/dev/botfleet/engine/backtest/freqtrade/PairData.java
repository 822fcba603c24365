package dev.botfleet.engine.backtest.freqtrade;

import java.math.BigDecimal;

/**
 * One whitelisted pair of a portfolio backtest: its candles, the strategy's (unshifted) signals, one row per candle,
 * and optionally the {@code --timeframe-detail} candles.
 *
 * @param pair    the pair name as it appears in results and callbacks, e.g. {@code BTC/USDT}
 * @param detail  smaller-timeframe candles of the same pair, or null (no detail data)
 * @param funding the funding rates and mark prices of a futures pair, or null (no funding is booked)
 * @param market  the pair's precision and stake limits, or null (the settings' precision, no limits)
 */
public record PairData(String pair, CandleColumns candles, SignalColumns signals, CandleColumns detail,
                       FundingData funding, PairMarket market) {

    public PairData {
        if (pair == null || pair.isBlank()) {
            throw new IllegalArgumentException("pair name is required");
        }
        if (candles == null || signals == null) {
            throw new IllegalArgumentException("pair " + pair + ": candles and signals are required");
        }
        if (signals.size() != candles.size()) {
            throw new IllegalArgumentException("pair " + pair + ": signals have " + signals.size()
                    + " rows but candles have " + candles.size() + "; there must be one signal row per candle");
        }
        if (detail != null && (detail.timeframe().compareTo(candles.timeframe()) >= 0
                || candles.timeframe().toMillis() % detail.timeframe().toMillis() != 0)) {
            throw new IllegalArgumentException("pair " + pair + ": the detail timeframe " + detail.timeframe()
                    + " must divide the main timeframe " + candles.timeframe() + " and be smaller");
        }
    }

    /** A pair without funding data or market rules. */
    public PairData(String pair, CandleColumns candles, SignalColumns signals, CandleColumns detail) {
        this(pair, candles, signals, detail, null, null);
    }

    /** The market's price tick, else the run's. */
    BigDecimal priceTick(FreqtradeSettings settings) {
        return market != null && market.priceTick() != null ? market.priceTick() : settings.priceTick();
    }

    /** The market's lot size, else the run's. */
    BigDecimal amountStep(FreqtradeSettings settings) {
        return market != null && market.amountStep() != null ? market.amountStep() : settings.amountStep();
    }

    /** A pair without detail candles. */
    public PairData(String pair, CandleColumns candles, SignalColumns signals) {
        this(pair, candles, signals, null, null, null);
    }
}

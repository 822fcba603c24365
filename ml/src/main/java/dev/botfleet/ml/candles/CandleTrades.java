package dev.botfleet.ml.candles;

import dev.botfleet.engine.data.CandleSeries;

import java.util.ArrayList;
import java.util.List;

/**
 * Trades made from candles, for training on candle datasets when no trade history exists (docs/ml.md "Training from
 * the server"). Each candle becomes two seconds of trades: open and the nearer extreme in the first, the other
 * extreme and the close in the second (the engine's O-H-L-C / O-L-H-C path), a quarter of the candle's volume each,
 * the aggressor by the tick rule. Real price shapes compressed in time: a 5-minute candle lasts 2 seconds.
 */
public final class CandleTrades {

    /** Where the first candle's trades begin; only the spacing matters to features and labels. */
    public static final long START_MILLIS = 1_700_000_000_000L;

    private CandleTrades() {
    }

    public static List<Trade> of(CandleSeries candles) {
        List<Trade> trades = new ArrayList<>(candles.size() * 4);
        double previous = Double.NaN;
        TradeSide side = null;
        for (int k = 0; k < candles.size(); k++) {
            double o = candles.open(k);
            double h = candles.high(k);
            double l = candles.low(k);
            double c = candles.close(k);
            double q = candles.volume(k) / 4;
            boolean lowFirst = o - l < h - o;
            double[] path = {o, lowFirst ? l : h, lowFirst ? h : l, c};
            long second = START_MILLIS + 2000L * k;
            for (int p = 0; p < 4; p++) {
                side = Double.isNaN(previous) ? TradeSide.BUY : TradeSide.byTickRule(path[p], previous, side);
                trades.add(new Trade(second + (p < 2 ? 100 + p * 100 : 1100 + (p - 2) * 100), path[p], q, side));
                previous = path[p];
            }
        }
        return trades;
    }

    /** The 1-second candles of {@link #of}'s trades, gaps carried. */
    public static List<OneSecondCandle> seconds(CandleSeries candles) {
        return OneSecondCandles.of(of(candles));
    }
}

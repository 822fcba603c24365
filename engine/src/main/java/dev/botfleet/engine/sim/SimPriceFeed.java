package dev.botfleet.engine.sim;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Market data for the {@code sim} exchange: each market's price follows a geometric Brownian motion with its
 * {@link SimMarkets#dailyVolatility()}, on the tick grid, with a trade every {@code tickInterval}, plus 1-minute
 * candles built from those trades.
 *
 * <p>Pure and deterministic: no clock and no thread inside. The caller drives it with {@link #advanceTo}, passing the
 * time from its own clock (a scaled clock runs it faster than real time, e.g. {@link SimClock#scaled}). The same seed
 * and the same sequence of {@code advanceTo} calls give the same ticks, bit for bit.
 */
public final class SimPriceFeed {
    private static final double MILLIS_PER_DAY = 86_400_000d;

    private final class Walk {
        final SimMarkets market;
        final SplittableRandom random;
        final double tick;
        /** When 1/tick is a whole number, prices are made by division, which lands exactly on the decimal grid. */
        final double perUnit;
        final double sigmaStep;
        final double drift;
        final double typicalSize;
        final double lot;
        long ticks;  // price in ticks
        long candleOpen = Long.MIN_VALUE;
        double open, high, low, close, volume;

        Walk(SimMarkets market, SplittableRandom random) {
            this.market = market;
            this.random = random;
            this.tick = market.instrument().tickSize().doubleValue();
            double inverse = 1 / tick;
            this.perUnit = Math.abs(inverse - Math.rint(inverse)) < 1e-9 ? Math.rint(inverse) : 0;
            double dtDays = intervalMillis / MILLIS_PER_DAY;
            this.sigmaStep = market.dailyVolatility() * Math.sqrt(dtDays);
            this.drift = -0.5 * sigmaStep * sigmaStep;
            this.ticks = Math.round(market.startPrice().doubleValue() / tick);
            this.lot = market.instrument().lotSize().doubleValue();
            // about 500 quote units per trade, on the lot grid
            this.typicalSize = 500 / market.startPrice().doubleValue();
        }

        double price() {
            return perUnit > 0 ? ticks / perUnit : ticks * tick;
        }

        Tick step(long at) {
            double next = price() * Math.exp(drift + sigmaStep * random.nextGaussian());
            ticks = Math.max(1, Math.round(next / tick));
            double size = Math.max(lot, Math.round(typicalSize * Math.exp(random.nextGaussian()) / lot) * lot);
            if (perUnit == 0) size = Math.max(lot, size);
            return new Tick(SimMarkets.EXCHANGE, market.instrument().symbol(), at, price(), size);
        }

        Candle roll(Tick t) {
            long openTime = Timeframe.M1.openTimeOf(t.timestamp());
            Candle finished = null;
            if (openTime != candleOpen) {
                finished = finished();
                candleOpen = openTime;
                open = high = low = close = t.price();
                volume = 0;
            }
            high = Math.max(high, t.price());
            low = Math.min(low, t.price());
            close = t.price();
            volume += t.size();
            return finished;
        }

        Candle finished() {
            if (candleOpen == Long.MIN_VALUE) return null;
            return new Candle(SimMarkets.EXCHANGE, market.instrument().symbol(), Timeframe.M1, candleOpen,
                    open, high, low, close, volume);
        }
    }

    private final long intervalMillis;
    private final List<Walk> walks = new ArrayList<>();
    private long nextTickAt;

    /**
     * @param markets the markets to generate, in the order their ticks are emitted at equal timestamps
     * @param seed fixes every random draw
     * @param tickInterval time between trades of one market (e.g. 250 ms for four a second)
     * @param startMillis epoch milliseconds of the first trade
     */
    public SimPriceFeed(List<SimMarkets> markets, long seed, Duration tickInterval, long startMillis) {
        if (tickInterval.toMillis() <= 0) throw new IllegalArgumentException("tickInterval must be at least 1 ms");
        this.intervalMillis = tickInterval.toMillis();
        SplittableRandom root = new SplittableRandom(seed);
        for (SimMarkets m : markets) walks.add(new Walk(m, root.split()));
        this.nextTickAt = startMillis;
    }

    /**
     * Emits, in time order, every trade due up to and including {@code nowMillis}, and each 1-minute candle as soon
     * as the first trade of the next minute shows it is complete. Calling it with an earlier time does nothing.
     */
    public void advanceTo(long nowMillis, MarketDataListener sink) {
        while (nextTickAt <= nowMillis) {
            for (Walk w : walks) {
                Tick t = w.step(nextTickAt);
                Candle finished = w.roll(t);
                if (finished != null) sink.onCandle(finished);
                sink.onTick(t);
            }
            nextTickAt += intervalMillis;
        }
    }

    /** Time of the next trade the feed will emit. */
    public long nextTickAt() {
        return nextTickAt;
    }

    /** Current price of a market, on its tick grid. */
    public double price(String symbol) {
        for (Walk w : walks) if (w.market.instrument().symbol().equals(symbol)) return w.price();
        throw new IllegalArgumentException("no sim market " + symbol);
    }
}

package dev.botfleet.server.market;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.CandleBuilder;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.engine.sim.SimPriceFeed;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A made-up past for a {@code sim} market, so a bot started a minute after the server has the history its indicators
 * need: the same kind of walk as the live feed (same volatility per real second, same time scale, another seed),
 * run over {@code history} of real time before the start, cut into 1m candles, and scaled so its last close is the
 * market's start price, where the live feed begins. Deterministic: the same seed and start give the same candles.
 */
final class SimHistory {
    /** Keeps the past's walk apart from the live one (which uses the seed itself). */
    private static final long SALT = 0x9E3779B97F4A7C15L;

    private SimHistory() {
    }

    /** @return 1m candles that end at or before {@code startMillis}, oldest first */
    static List<Candle> of(SimMarkets market, SimProperties properties, long startMillis) {
        long span = properties.history().toMillis();
        if (span <= 0) return List.of();
        long realInterval = properties.tickInterval().toMillis();
        Duration simulatedStep = Duration.ofMillis(Math.max(1, Math.round(realInterval * properties.timeScale())));
        SimPriceFeed walk = new SimPriceFeed(List.of(market), properties.seed() ^ SALT, simulatedStep, 0);
        long firstTick = Timeframe.M1.openTimeOf(startMillis - span);
        long steps = (startMillis - firstTick) / realInterval;
        String symbol = market.instrument().symbol();
        CandleBuilder minutes = new CandleBuilder(SimMarkets.EXCHANGE, symbol, Timeframe.M1);
        List<Candle> raw = new ArrayList<>();
        long[] step = {0};
        MarketDataListener sink = new MarketDataListener() {
            @Override
            public void onTick(Tick t) {
                // the walk runs in simulated time; its n-th trade happens at the n-th tick of real time
                Tick real = new Tick(t.exchange(), t.symbol(), firstTick + step[0]++ * realInterval, t.price(), t.size());
                minutes.accept(real).ifPresent(raw::add);
            }
        };
        walk.advanceTo((steps - 1) * simulatedStep.toMillis(), sink);
        return scaled(raw, market.instrument(), market.startPrice());
    }

    /** Multiplies every price so the last close lands on {@code joinAt}, on the tick grid. */
    private static List<Candle> scaled(List<Candle> raw, Instrument instrument, BigDecimal joinAt) {
        if (raw.isEmpty()) return raw;
        double factor = joinAt.doubleValue() / raw.getLast().close();
        List<Candle> out = new ArrayList<>(raw.size());
        for (Candle c : raw) {
            double open = onGrid(instrument, c.open() * factor);
            double close = onGrid(instrument, c.close() * factor);
            double high = Math.max(Math.max(open, close), onGrid(instrument, c.high() * factor));
            double low = Math.min(Math.min(open, close), onGrid(instrument, c.low() * factor));
            out.add(new Candle(c.exchange(), c.symbol(), Timeframe.M1, c.openTime(), open, high, low, close, c.volume()));
        }
        return out;
    }

    private static double onGrid(Instrument instrument, double price) {
        return instrument.roundPrice(BigDecimal.valueOf(price)).doubleValue();
    }
}

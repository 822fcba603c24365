package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.MarketDataListener;
import dev.botfleet.engine.market.QuietBand;

/** Works out a kernel's {@link QuietBand} from its state, its timers, its paper exchange and its strategy. */
final class QuietTicks {
    private QuietTicks() {
    }

    /**
     * @param settled  no turn under way, no order event pending, no stop asked for
     * @param matching the simulated exchange that matches on ticks, or null when ticks match nothing here
     * @param candlesMatch the simulated exchange matches on candles: each one may fill an order
     */
    static void narrow(BotKernel k, QuietBand band, boolean settled, MarketDataListener matching, boolean candlesMatch) {
        band.reset();
        if (!settled || !k.started || !k.running || Double.isNaN(k.lastPrice)) {
            band.none();  // a bot starting, stopping or mid-turn, or without a price yet, takes every tick
            return;
        }
        band.before(k.timers.earliest());
        // a candle still counted towards the warm-up moves its progress (told to the listener)
        if (candlesMatch || !k.warmupProgress().ready()) band.candlesMatter();
        if (matching != null) {
            if (!(matching instanceof QuietBand.Source sim)) {
                band.none();
                return;
            }
            sim.narrow(band);
        }
        try {
            k.strategy.quietBand(k.context, band);
        } catch (RuntimeException e) {
            band.none();  // a strategy that cannot say is shown every tick; its error surfaces on that tick
        }
    }
}

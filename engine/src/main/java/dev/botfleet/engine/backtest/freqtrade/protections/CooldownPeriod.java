package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.List;

/**
 * Freqtrade's {@code CooldownPeriod}: after a trade on a pair closes, no new entry on that pair until
 * {@code stop_duration} after that close (rounded up to the next candle). Never global, both sides.
 */
final class CooldownPeriod extends Protection {

    CooldownPeriod(ProtectionTiming timing) {
        super(timing);
    }

    @Override
    LockRequest stopPerPair(String pair, long now, String side, TradeHistory history) {
        List<ClosedTrade> recent = history.closedAfter(timing.lookbackStart(now), pair);
        if (recent.isEmpty()) {
            return null;
        }
        // Freqtrade's reason really says "for" twice ("Cooldown period for for 2 candles."): kept so exports match.
        return new LockRequest(timing.lockEnd(recent), "Cooldown period for " + timing.unlockText() + ".", "*");
    }
}

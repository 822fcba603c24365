package dev.botfleet.exchanges;

import dev.botfleet.engine.market.Candle;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A venue's public side: reference data and market data. Needs no key. Symbols are ours ({@code BTC/USDT}). */
public interface MarketDataClient extends AutoCloseable {
    String venue();

    /** Every instrument the venue lists, freshly loaded (callers cache: see {@link InstrumentCache}). */
    List<VenueInstrument> instruments();

    /** The venue's clock. */
    Instant serverTime();

    /** Closed 1m candles with open time in [from, to), oldest first, at most {@code limit}. */
    List<Candle> klines(VenueInstrument instrument, Instant from, Instant to, int limit);

    /**
     * Opens the venue's public stream for trades, 1m klines and best bid/ask of the given instruments. It pings as the
     * venue asks, reconnects with backoff, resubscribes, and backfills missed closed candles from {@link #klines}.
     */
    StreamHandle openMarketStream(Set<VenueInstrument> instruments, MarketStreamListener listener);

    @Override
    default void close() {
    }
}

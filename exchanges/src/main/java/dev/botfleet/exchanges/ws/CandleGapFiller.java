package dev.botfleet.exchanges.ws;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.exchanges.VenueInstrument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The closed 1m candles of one market stream, each open time handed on once and oldest first, whether it came from
 * the socket or from REST after a drop. Every venue's market stream needs exactly this (a socket that was away
 * misses candles, and the socket and the REST backfill overlap), so it lives here once; what differs between venues
 * is how their REST klines page ({@link Paging}, page size) and whether a failed backfill must drop the socket.
 *
 * <p>A backfill asks for the minutes after the last candle delivered (or, when none was, from the minute the stream
 * started) up to the venue's now. The stream calls it before the reconnected socket's messages are read, so the
 * socket cannot overtake it.
 */
public final class CandleGapFiller {
    private static final Logger log = LoggerFactory.getLogger(CandleGapFiller.class);
    private static final long MINUTE = Timeframe.M1.millis();

    /** A venue's REST klines: closed 1m candles opening in [from, to), oldest first, at most {@code limit}. */
    @FunctionalInterface
    public interface Klines {
        List<Candle> klines(VenueInstrument instrument, Instant from, Instant to, int limit);
    }

    /** How far a backfill pages through the venue's klines. */
    public enum Paging {
        /** One request: the venue serves no further page worth asking for. */
        ONE_PAGE,
        /** Page on until the venue's now; an empty page means there is nothing more, so stop. */
        UNTIL_EMPTY_PAGE,
        /** Page on until the venue's now; an empty page is a quiet stretch without trades, so look a page further. */
        SKIP_EMPTY_PAGES
    }

    private final String venue;
    private final Klines rest;
    private final LongSupplier venueClock;
    private final int pageSize;
    private final Paging paging;
    private final Consumer<Candle> listener;
    /** Per venue symbol, the open time of the last candle handed to the listener. */
    private final Map<String, Long> lastDelivered = new ConcurrentHashMap<>();
    private volatile long startedMinute = -1;

    /**
     * @param venue      the venue id, for the logs
     * @param venueClock the venue's time in epoch millis; may throw when the venue cannot be asked
     * @param listener   where closed candles go (the stream's listener)
     */
    public CandleGapFiller(String venue, Klines rest, LongSupplier venueClock, int pageSize, Paging paging,
                           Consumer<Candle> listener) {
        if (pageSize <= 0) throw new IllegalArgumentException("page size " + pageSize);
        this.venue = Objects.requireNonNull(venue);
        this.rest = Objects.requireNonNull(rest);
        this.venueClock = Objects.requireNonNull(venueClock);
        this.pageSize = pageSize;
        this.paging = Objects.requireNonNull(paging);
        this.listener = Objects.requireNonNull(listener);
    }

    /** The venue's time, or the local clock when the venue cannot be asked: the stream can come up regardless. */
    public long venueNow() {
        try {
            return venueClock.getAsLong();
        } catch (RuntimeException e) {
            return System.currentTimeMillis();
        }
    }

    /**
     * Notes the minute the stream began, once (later calls keep the first): where a backfill starts for a symbol with
     * no candle delivered yet. Returns that minute's open time.
     */
    public long markStarted() {
        if (startedMinute < 0) startedMinute = Timeframe.M1.openTimeOf(venueNow());
        return startedMinute;
    }

    /** Counts every candle of {@code instrument} opening at or before {@code openTime} as delivered already. */
    public void markDelivered(VenueInstrument instrument, long openTime) {
        lastDelivered.merge(instrument.venueSymbol(), openTime, Math::max);
    }

    /**
     * Hands {@code candle} to the listener unless one opening at the same time or later was handed on already (the
     * socket and a backfill overlap, and a late socket message must not go back in time). Returns whether it did.
     */
    public synchronized boolean deliver(VenueInstrument instrument, Candle candle) {
        Long last = lastDelivered.get(instrument.venueSymbol());
        if (last != null && candle.openTime() <= last) return false;
        lastDelivered.put(instrument.venueSymbol(), candle.openTime());
        listener.accept(candle);
        return true;
    }

    /** Best effort for each instrument, up to one venue now: a failure is logged and the others still filled. */
    public void backfill(Collection<VenueInstrument> instruments) {
        long now = venueNow();
        instruments.forEach(vi -> backfillLogged(vi, now));
    }

    /** Best effort for one instrument, up to the venue's now. */
    public void backfill(VenueInstrument instrument) { backfillLogged(instrument, venueNow()); }

    /**
     * For streams that would rather drop the socket than go on with a hole: the venue's clock must answer and any
     * REST failure propagates, so the reconnect that follows tries again.
     */
    public void backfillOrThrow(Collection<VenueInstrument> instruments) {
        long now = venueClock.getAsLong();
        for (VenueInstrument vi : instruments) logFilled(vi, fill(vi, now));
    }

    private void backfillLogged(VenueInstrument instrument, long now) {
        try {
            logFilled(instrument, fill(instrument, now));
        } catch (RuntimeException e) {
            log.warn("{} market stream: backfill of {} failed: {}", venue, instrument.symbol(), e.getMessage());
        }
    }

    private void logFilled(VenueInstrument instrument, int delivered) {
        if (delivered > 0) {
            log.info("{} market stream back: {} candle(s) of {} backfilled", venue, delivered, instrument.symbol());
        }
    }

    /** The closed candles from the first minute not delivered up to {@code now}; returns how many were handed on. */
    private int fill(VenueInstrument instrument, long now) {
        Long last = lastDelivered.get(instrument.venueSymbol());
        long from = last == null ? startedMinute : last + MINUTE;
        int delivered = 0;
        while (from + MINUTE <= now) {
            List<Candle> page = rest.klines(instrument, Instant.ofEpochMilli(from), Instant.ofEpochMilli(now),
                    pageSize);
            for (Candle c : page) if (deliver(instrument, c)) delivered++;
            if (paging == Paging.ONE_PAGE) break;
            if (!page.isEmpty()) {
                from = page.getLast().openTime() + MINUTE;
            } else if (paging == Paging.SKIP_EMPTY_PAGES) {
                from += pageSize * MINUTE;
            } else {
                break;
            }
        }
        return delivered;
    }
}

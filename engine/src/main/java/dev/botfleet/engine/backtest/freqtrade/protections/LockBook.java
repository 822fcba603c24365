package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Freqtrade's {@code PairLocks} in backtest mode: every lock set in the run, and the questions asked of them. A lock
 * still holds at exactly its end time ({@code lock_end_time >= now}), and its end is the protection's end rounded up
 * to the next candle boundary (strictly after: an end on a boundary moves one candle later, as ccxt's
 * {@code round_timeframe(..., ROUND_UP)} does).
 */
final class LockBook {

    private final long candleMillis;
    private final List<Lock> locks = new ArrayList<>();
    // Latest end per pair ("*" = global) and side: answers every query, as a lock holds while its end >= now.
    private final Map<String, Map<String, Long>> latestEnd = new HashMap<>();

    LockBook(int timeframeMinutes) {
        this.candleMillis = timeframeMinutes * 60_000L;
    }

    /** Freqtrade's {@code timeframe_to_next_date}: the first candle boundary strictly after {@code time}. */
    long nextCandle(long time) {
        return Math.floorDiv(time, candleMillis) * candleMillis + candleMillis;
    }

    /** {@code PairLocks.lock_pair}: locks from {@code now} until the candle after {@code request.until()}. */
    void lock(String pair, LockRequest request, long now) {
        long end = nextCandle(request.until());
        locks.add(new Lock(pair, now, end, request.reason(), request.side()));
        latestEnd.computeIfAbsent(pair, p -> new HashMap<>()).merge(request.side(), end, Math::max);
    }

    /** {@code PairLocks.is_pair_locked}: a lock on this pair or a global one, for this side, ending at or after now. */
    boolean isPairLocked(String pair, long now, String side) {
        return holds(pair, now, side) || isGlobalLock(now, side);
    }

    /** {@code PairLocks.is_global_lock}. */
    boolean isGlobalLock(long now, String side) {
        return holds(Lock.ALL_PAIRS, now, side);
    }

    List<Lock> all() {
        return Collections.unmodifiableList(locks);
    }

    // Freqtrade's side filter: locks for both sides ("*") always match; a one-sided lock matches only its side.
    private boolean holds(String pair, long now, String side) {
        Map<String, Long> bySide = latestEnd.get(pair);
        if (bySide == null) {
            return false;
        }
        Long both = bySide.get("*");
        Long own = side.equals("*") ? null : bySide.get(side);
        return (both != null && both >= now) || (own != null && own >= now);
    }
}

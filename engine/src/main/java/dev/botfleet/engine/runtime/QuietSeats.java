package dev.botfleet.engine.runtime;

import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.QuietBand;
import dev.botfleet.engine.market.Tick;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A shard's bots' quiet bands, kept by the shard in arrays, one seat per bot: what the shard reads on every tick for
 * every bot lies side by side in memory, so a tick's walk over a shard of holding bots reads a few contiguous cache
 * lines instead of one scattered runner object per bot (at 10,000 bots that walk was a cache miss per bot, most of a
 * holding fleet's tick time: docs/fleet-scale.md, "Quiet ticks in the shard's own arrays").
 *
 * <p>A seat holds a stamp, the market data its bot has taken, and its band (low, high, until, whether candles are quiet
 * too); beside them the last tick or candle the shard skipped for it. The stamp is a seqlock and an owner check in one word: its low bits count the bot's
 * events begun plus ended (odd while one runs), a bit says whether the shard may skip for it at all ({@link #REVOKED}),
 * and the high bits are the seat's generation, raised each time the seat is handed to a new bot. A bot begins an
 * event only on a seat of its own generation, so a bot that left (or whose seat was given away) never writes into
 * the seat again; a seat is given away only between its old bot's events (stamp even), so no old write is under way.
 *
 * <p>Threads: the shard's turn reads every seat and writes {@link #skipped}; each bot writes its own seat, inside its
 * events; the shard's turn alone hands seats out ({@link #seat}).
 */
final class QuietSeats {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle LATE = MethodHandles.arrayElementVarHandle(Object[].class);

    /** Longs per seat: the stamp, market data taken, the band's low, high (as raw double bits), until, candles (0/1). */
    private static final int STRIDE = 6;
    private static final int STAMP = 0, TAKEN = 1, LOW = 2, HIGH = 3, UNTIL = 4, CANDLES = 5;

    /** Room for 10^12 events: a bot's count never reaches the bits above it. */
    private static final int COUNT_BITS = 40;
    /** The shard hands its bot every tick: the bot left, or gets another market too (its ticks must stay in order). */
    static final long REVOKED = 1L << COUNT_BITS;
    private static final int GENERATION_SHIFT = COUNT_BITS + 1;

    private final long[] seats;
    /** Per seat, the last tick or candle the shard skipped since its bot's last event began, or null. */
    private final Object[] skipped;

    QuietSeats(int capacity) {
        seats = new long[capacity * STRIDE];
        skipped = new Object[capacity];
        for (int i = 0; i < capacity; i++) seats[i * STRIDE + STAMP] = REVOKED;  // no bot yet: skip nothing
    }

    private static long generation(long stamp) { return stamp >>> GENERATION_SHIFT; }

    /**
     * On the shard's turn: makes seat {@code i} a new bot's, if its last bot is between events. Its band holds
     * nothing until the bot's first event publishes one.
     *
     * @return the new bot's seat, or null when the seat's last bot is inside an event (try another seat)
     */
    Seat seat(int i) {
        int at = i * STRIDE;
        long stamp = (long) LONGS.getVolatile(seats, at + STAMP);
        if ((stamp & 1) != 0) return null;
        long generation = generation(stamp) + 1;
        long initializing = generation << GENERATION_SHIFT | 1;  // odd: the shard reads no band from it meanwhile
        if (!LONGS.compareAndSet(seats, at + STAMP, stamp, initializing)) return null;
        seats[at + TAKEN] = 0;
        seats[at + LOW] = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
        seats[at + HIGH] = Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);
        seats[at + UNTIL] = Long.MIN_VALUE;
        seats[at + CANDLES] = 0;
        LATE.setVolatile(skipped, i, null);
        LONGS.setVolatile(seats, at + STAMP, initializing + 1);
        return new Seat(i, generation);
    }

    /**
     * On the shard's turn: how many of the batch's first events are ticks (or candles) seat {@code i}'s band holds as
     * quiet. The last of them is left for the seat's bot, which takes it when its next event begins — a candle too, so
     * its close and close time are the bot's price and clock as if it had been handed every one; only the rest of the
     * batch is to be delivered. 0: deliver it all.
     *
     * @param fed market data the shard delivered to the seat's bot (by the shard's own count)
     */
    int quietPrefix(int i, Object[] batch, int n, long fed) {
        int at = i * STRIDE;
        long stamp = (long) LONGS.getVolatile(seats, at + STAMP);
        // inside an event, revoked, or not every tick delivered before is handled: its band may not hold for them
        if ((stamp & (1 | REVOKED)) != 0 || (long) LONGS.getOpaque(seats, at + TAKEN) != fed) return 0;
        double low = Double.longBitsToDouble((long) LONGS.getOpaque(seats, at + LOW));
        double high = Double.longBitsToDouble((long) LONGS.getOpaque(seats, at + HIGH));
        long until = (long) LONGS.getOpaque(seats, at + UNTIL);
        boolean candles = (long) LONGS.getOpaque(seats, at + CANDLES) != 0;
        int quiet = 0;
        while (quiet < n && holds(batch[quiet], low, high, until, candles)) quiet++;
        VarHandle.acquireFence();  // the band's reads stay before the second reading of the stamp
        if (quiet == 0 || (long) LONGS.getVolatile(seats, at + STAMP) != stamp) return 0;  // none, or not read whole
        Object last = batch[quiet - 1];
        Object before = LATE.getAndSet(skipped, i, last);
        // An event that began after our first reading may have started from another state: unless it already took
        // our tick (it then handled it first, as it would have been), take it back and deliver the batch as usual.
        if ((long) LONGS.getVolatile(seats, at + STAMP) != stamp && LATE.compareAndSet(skipped, i, last, before)) return 0;
        return quiet;
    }

    private static boolean holds(Object marketData, double low, double high, long until, boolean candles) {
        if (marketData instanceof Tick t) return QuietBand.holds(low, high, until, t.price(), t.timestamp());
        return candles && marketData instanceof Candle c && QuietBand.holds(low, high, until, c.close(), c.closeTime());
    }

    /** A bot's seat in this shard: only the bot uses it, inside its own events. */
    final class Seat {
        private final int index;
        private final long generation;

        private Seat(int index, long generation) {
            this.index = index;
            this.generation = generation;
        }

        /**
         * At the start of the bot's event: true if the seat is still the bot's (then {@link #end} must follow, and the
         * shard skips nothing for the bot until it does); false if it was given to another bot.
         */
        boolean begin() {
            int at = index * STRIDE + STAMP;
            for (;;) {
                long stamp = (long) LONGS.getVolatile(seats, at);
                if (generation(stamp) != generation) return false;
                if (LONGS.compareAndSet(seats, at, stamp, stamp + 1)) return true;  // even: only its bot makes it odd
            }
        }

        /** Inside an event: the last tick or candle the shard skipped since, to be handled first; null if none. */
        Object takeSkipped() {
            return LATE.getAndSet(skipped, index, null);
        }

        /** Inside an event: one tick or candle the shard delivered was handled. */
        void taken() {
            int at = index * STRIDE + TAKEN;
            LONGS.setOpaque(seats, at, (long) LONGS.getOpaque(seats, at) + 1);
        }

        /** Ends the event begun: the band it leaves, then the stamp (even again). */
        void end(QuietBand band) {
            int at = index * STRIDE;
            LONGS.setOpaque(seats, at + LOW, Double.doubleToRawLongBits(band.low()));
            LONGS.setOpaque(seats, at + HIGH, Double.doubleToRawLongBits(band.high()));
            LONGS.setOpaque(seats, at + UNTIL, band.until());
            LONGS.setOpaque(seats, at + CANDLES, band.candlesQuiet() ? 1L : 0L);
            LONGS.getAndAdd(seats, at + STAMP, 1L);  // a full fence: the band is written before the stamp is even
        }

        /** From any thread: the shard skips nothing for this bot any more (it left, or gets another market). */
        void revoke() {
            int at = index * STRIDE + STAMP;
            for (;;) {
                long stamp = (long) LONGS.getVolatile(seats, at);
                if (generation(stamp) != generation || (stamp & REVOKED) != 0) return;
                if (LONGS.compareAndSet(seats, at, stamp, stamp | REVOKED)) return;
            }
        }
    }
}

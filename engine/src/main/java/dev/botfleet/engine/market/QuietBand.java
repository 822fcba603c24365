package dev.botfleet.engine.market;

/**
 * The ticks that would change nothing for a bot but its last price and its clock: those strictly between
 * {@link #low()} and {@link #high()} and before {@link #until()}. The bot's kernel works it out at the end of each turn
 * from its resting paper orders, its timers and its strategy ({@link Source}); the tick fan-out then hands a quiet tick
 * to no bot whose band holds it, and the bot takes the last such tick at the start of its next turn, which leaves it
 * exactly as if it had seen each of them (none of them fills, fires or decides anything, and the last one sets the
 * price and clock). So a tick costs a bot a few comparisons on packed numbers instead of a walk through its objects.
 *
 * <p>Candles too: a completed candle inside the band (its close strictly between, its close time before) is quiet
 * unless some part of the bot says candles matter ({@link #candlesMatter}) — its strategy reads them, its warm-up
 * counts them, or its paper exchange matches on them. A quiet candle changes nothing but the last price and the clock,
 * like a quiet tick, so it is skipped the same way (at 10,000 bots the minute's candle handed to every bot cost a whole
 * tick of the fleet: docs/fleet-scale.md, "Quiet candles").
 *
 * <p>Mutable and reused (one per bot): narrowing it allocates nothing. Starts as "every price, any time, candles
 * too" — {@link #reset} — and each part of the bot narrows it; {@link #none} says that every tick and candle matters.
 */
public final class QuietBand {
    /** Something that knows which prices it would ignore: it narrows the band to them. */
    public interface Source {
        /** Narrows {@code band} to the prices and times at which a tick changes nothing here; must not allocate. */
        void narrow(QuietBand band);
    }

    private double low;
    private double high;
    private long until;
    private boolean candles;

    public QuietBand() {
        reset();
    }

    /** Every price and every time are quiet, until narrowed. */
    public QuietBand reset() {
        low = Double.NEGATIVE_INFINITY;
        high = Double.POSITIVE_INFINITY;
        until = Long.MAX_VALUE;
        candles = true;
        return this;
    }

    /** No tick or candle is quiet: each one must reach the bot. */
    public void none() {
        low = Double.POSITIVE_INFINITY;
        high = Double.NEGATIVE_INFINITY;
        until = Long.MIN_VALUE;
        candles = false;
    }

    /** Every candle must reach the bot (ticks as narrowed). */
    public void candlesMatter() {
        candles = false;
    }

    /** A tick at {@code price} or below matters. */
    public void above(double price) {
        if (price > low || Double.isNaN(price)) low = Double.isNaN(price) ? Double.POSITIVE_INFINITY : price;
    }

    /** A tick at {@code price} or above matters. */
    public void below(double price) {
        if (price < high || Double.isNaN(price)) high = Double.isNaN(price) ? Double.NEGATIVE_INFINITY : price;
    }

    /** A tick stamped at {@code millis} or later matters (a timer due then). */
    public void before(long millis) {
        if (millis < until) until = millis;
    }

    public double low() { return low; }

    public double high() { return high; }

    public long until() { return until; }

    /** Whether a candle inside the band is quiet too. */
    public boolean candlesQuiet() { return candles; }

    /**
     * The rule, on a band kept as its three numbers (the runner's copy): a tick strictly inside and before; a quiet
     * candle by its close and close time.
     */
    public static boolean holds(double low, double high, long until, double price, long timestamp) {
        return price > low && price < high && timestamp < until;
    }

    @Override
    public String toString() {
        return "QuietBand(" + low + ", " + high + ") before " + until + (candles ? ", candles too" : "");
    }
}

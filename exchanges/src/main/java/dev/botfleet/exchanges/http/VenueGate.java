package dev.botfleet.exchanges.http;

import java.util.function.LongSupplier;

/**
 * What every client of one venue from this address shares: an IP ban (HTTP 418) or a Retry-After pause (429) stops
 * all calls to that venue until it lifts, not just the call that hit it.
 *
 * <p>Other processes that share the address or the key (a cluster's nodes) must hold back too, or their calls during
 * the wait count as ignoring it, and the venue bans the address (Binance: "failing to back off after receiving 429s
 * will result in an automated IP ban"). A {@link Watcher} hears of each wait the venue asked of this process, to pass
 * it on; {@link #hold} applies one heard from another process, without passing it on again.
 */
public final class VenueGate {
    /** Hears of each wait the venue itself asked for (not of those {@link #hold} applies). */
    public interface Watcher {
        /** @param ban a 418 ban, else a 429 pause; {@code millis} how long from now */
        void told(boolean ban, long millis);
    }

    private final LongSupplier clock;
    private volatile long bannedUntil;
    private volatile long pausedUntil;
    private volatile Watcher watcher;

    public VenueGate(LongSupplier clock) {
        this.clock = clock;
    }

    public VenueGate() {
        this(System::currentTimeMillis);
    }

    /** The venue banned the address for {@code millis}. */
    public void ban(long millis) {
        hold(true, millis);
        Watcher w = watcher;
        if (w != null) w.told(true, millis);
    }

    /** The venue asked us to wait {@code millis} (429 Retry-After). */
    public void pause(long millis) {
        hold(false, millis);
        Watcher w = watcher;
        if (w != null) w.told(false, millis);
    }

    /** A ban or pause another process was told of: applied here, not passed on. */
    public void hold(boolean ban, long millis) {
        long until = clock.getAsLong() + millis;
        if (ban) bannedUntil = Math.max(bannedUntil, until);
        else pausedUntil = Math.max(pausedUntil, until);
    }

    /** Sets (or, with null, removes) the one watcher. */
    public void watch(Watcher watcher) { this.watcher = watcher; }

    /** Milliseconds the ban still lasts, 0 when none. */
    public long bannedFor() { return Math.max(0, bannedUntil - clock.getAsLong()); }

    /** Milliseconds a 429 asked us to wait, 0 when none. */
    public long pausedFor() { return Math.max(0, pausedUntil - clock.getAsLong()); }
}

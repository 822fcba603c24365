package dev.botfleet.exchanges.http;

import java.util.function.LongSupplier;

/**
 * What every client of one venue from this address shares: an IP ban (HTTP 418) or a Retry-After pause (429) stops
 * all calls to that venue until it lifts, not just the call that hit it.
 */
public final class VenueGate {
    private final LongSupplier clock;
    private volatile long bannedUntil;
    private volatile long pausedUntil;

    public VenueGate(LongSupplier clock) {
        this.clock = clock;
    }

    public VenueGate() {
        this(System::currentTimeMillis);
    }

    public void ban(long millis) { bannedUntil = Math.max(bannedUntil, clock.getAsLong() + millis); }

    public void pause(long millis) { pausedUntil = Math.max(pausedUntil, clock.getAsLong() + millis); }

    /** Milliseconds the ban still lasts, 0 when none. */
    public long bannedFor() { return Math.max(0, bannedUntil - clock.getAsLong()); }

    /** Milliseconds a 429 asked us to wait, 0 when none. */
    public long pausedFor() { return Math.max(0, pausedUntil - clock.getAsLong()); }
}

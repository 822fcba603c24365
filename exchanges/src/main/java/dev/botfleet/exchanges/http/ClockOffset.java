package dev.botfleet.exchanges.http;

import java.util.function.LongSupplier;

/**
 * The difference between the venue's clock and ours. Signed requests carry the venue's time (ours plus the offset), so
 * a local clock that drifts does not push requests out of the venue's receive window.
 */
public final class ClockOffset {
    private final LongSupplier localMillis;
    private volatile long offsetMillis;

    public ClockOffset(LongSupplier localMillis) {
        this.localMillis = localMillis;
    }

    public ClockOffset() {
        this(System::currentTimeMillis);
    }

    /** Our estimate of the venue's time now. */
    public long venueMillis() { return localMillis.getAsLong() + offsetMillis; }

    public long offsetMillis() { return offsetMillis; }

    /**
     * Asks the venue for its time and takes the offset at the middle of the round trip, which halves the error that
     * the network delay would add.
     */
    public void resync(LongSupplier venueServerTime) {
        long sent = localMillis.getAsLong();
        long venue = venueServerTime.getAsLong();
        long received = localMillis.getAsLong();
        offsetMillis = venue - (sent + received) / 2;
    }
}

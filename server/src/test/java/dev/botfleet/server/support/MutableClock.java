package dev.botfleet.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move forward instead of sleeping. Starts at the real time so tokens and rows look ordinary. */
public final class MutableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;
    private final Instant frozenAt;

    /** Follows real time, shifted by whatever {@link #advance} added. */
    public MutableClock() {
        this(null);
    }

    /** Stands still at {@code frozenAt} unless advanced (for exact durations in unit tests). */
    public MutableClock(Instant frozenAt) {
        this.frozenAt = frozenAt;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return (frozenAt == null ? Instant.now() : frozenAt).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

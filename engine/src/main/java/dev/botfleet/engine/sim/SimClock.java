package dev.botfleet.engine.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Clocks for driving the sim feed. They read time only from a clock the caller provides. */
public final class SimClock {
    private SimClock() {
    }

    /**
     * A clock that runs {@code speed} times faster than {@code base}, starting at {@code origin} when {@code base}
     * reads {@code baseOrigin}. With speed 60, one real second is one simulated minute.
     */
    public static Clock scaled(Clock base, Instant baseOrigin, Instant origin, double speed) {
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be > 0");
        return new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }

            @Override public Clock withZone(ZoneId zone) { return this; }

            @Override public Instant instant() { return Instant.ofEpochMilli(millis()); }

            @Override public long millis() {
                long elapsed = base.millis() - baseOrigin.toEpochMilli();
                return origin.toEpochMilli() + (long) (elapsed * speed);
            }
        };
    }
}

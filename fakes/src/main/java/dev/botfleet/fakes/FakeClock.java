package dev.botfleet.fakes;

import java.util.function.LongSupplier;

/** The venue's clock: real time plus a skew a test sets to push requests out of the receive window. */
public final class FakeClock implements LongSupplier {
    private volatile long skewMillis;

    @Override
    public long getAsLong() { return System.currentTimeMillis() + skewMillis; }

    public void skew(long millis) { skewMillis = millis; }
}

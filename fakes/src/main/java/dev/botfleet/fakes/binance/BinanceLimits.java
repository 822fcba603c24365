package dev.botfleet.fakes.binance;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.Faults;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance's request limits (rest-api.md "LIMITS"): request weight per IP in calendar-minute windows, reported in
 * {@code X-MBX-USED-WEIGHT-1M}; new orders per account in 10-second and daily windows, reported in
 * {@code X-MBX-ORDER-COUNT-10S} / {@code -1D}; 429 with {@code Retry-After} (seconds) when over a limit; and the
 * automatic IP ban (418, {@code Retry-After} until it lifts) for a caller that keeps sending while told to wait.
 * Limits are public fields so a test can lower them.
 */
public final class BinanceLimits {
    public volatile int weightPerMinute = 6000;
    public volatile int ordersPer10Seconds = 100;
    public volatile int ordersPerDay = 200_000;
    /** Requests sent while a 429's Retry-After still runs before the address is banned. */
    public volatile int violationsBeforeBan = 5;
    public volatile long banMillis = 120_000;

    private final LongSupplier clock;
    private final Faults faults;
    private long weightWindow;
    private int weightUsed;
    private long retryUntil;
    private int violations;
    private final Map<FakeAccount, long[]> orderCounts = new HashMap<>();

    BinanceLimits(LongSupplier clock, Faults faults) {
        this.clock = clock;
        this.faults = faults;
    }

    /**
     * Counts a request of {@code weight} from the (single, loopback) address, or refuses it: 418 while banned, 429 when
     * a fault is armed or the minute's weight would exceed the limit. A refused request costs no weight.
     */
    synchronized Response admit(int weight) {
        long now = clock.getAsLong();
        if (faults.bannedUntil() > now) return banned(now);
        if (now >= retryUntil) violations = 0;
        if (now < retryUntil && ++violations >= violationsBeforeBan) {
            faults.banUntil(now + banMillis);
            return banned(now);
        }
        if (faults.take(Faults.Kind.RATE_LIMIT)) {
            retryUntil = now + faults.retryAfterSeconds * 1000L;
            return tooMuchWeight(faults.retryAfterSeconds);
        }
        roll(now);
        if (weightUsed + weight > weightPerMinute) {
            long windowEnd = weightWindow + 60_000;
            retryUntil = windowEnd;
            return tooMuchWeight(secondsUntil(windowEnd, now));
        }
        weightUsed += weight;
        return null;
    }

    /** Counts a new order of the account, or refuses it with 429 / -1015 when a window is full. */
    synchronized Response admitOrder(FakeAccount account) {
        long now = clock.getAsLong();
        long[] c = orderCounts.computeIfAbsent(account, a -> new long[4]);
        long tenSeconds = now - Math.floorMod(now, 10_000L);
        long day = now - Math.floorMod(now, 86_400_000L);
        if (c[0] != tenSeconds) { c[0] = tenSeconds; c[1] = 0; }
        if (c[2] != day) { c[2] = day; c[3] = 0; }
        if (c[1] + 1 > ordersPer10Seconds) {
            return tooManyOrders(ordersPer10Seconds, "10 SECOND", secondsUntil(tenSeconds + 10_000, now));
        }
        if (c[3] + 1 > ordersPerDay) {
            return tooManyOrders(ordersPerDay, "1 DAY", secondsUntil(day + 86_400_000L, now));
        }
        c[1]++;
        c[3]++;
        return null;
    }

    /** Adds the used-weight header every Binance answer carries. */
    synchronized Response withWeight(Response response) {
        roll(clock.getAsLong());
        return response.with("X-MBX-USED-WEIGHT-1M", Integer.toString(weightUsed));
    }

    /** Adds the order-count headers a successful order answer carries. */
    synchronized Response withOrderCount(Response response, FakeAccount account) {
        long[] c = orderCounts.getOrDefault(account, new long[4]);
        return response.with("X-MBX-ORDER-COUNT-10S", Long.toString(c[1]))
                .with("X-MBX-ORDER-COUNT-1D", Long.toString(c[3]));
    }

    synchronized int weightUsed() {
        roll(clock.getAsLong());
        return weightUsed;
    }

    private void roll(long now) {
        long window = now - Math.floorMod(now, 60_000L);
        if (window != weightWindow) {
            weightWindow = window;
            weightUsed = 0;
        }
    }

    private Response banned(long now) {
        long until = faults.bannedUntil();
        return BinanceJson.error(418, -1003, "Way too much request weight used; IP banned until " + until
                + ". Please use WebSocket Streams for live updates to avoid bans.")
                .with("Retry-After", Long.toString(secondsUntil(until, now)));
    }

    private Response tooMuchWeight(long retryAfterSeconds) {
        return BinanceJson.error(429, -1003, "Too much request weight used; current limit is " + weightPerMinute
                        + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.")
                .with("Retry-After", Long.toString(retryAfterSeconds));
    }

    private Response tooManyOrders(int limit, String per, long retryAfterSeconds) {
        retryUntil = clock.getAsLong() + retryAfterSeconds * 1000;
        return BinanceJson.error(429, -1015, "Too many new orders; current limit is " + limit + " orders per " + per + ".")
                .with("Retry-After", Long.toString(retryAfterSeconds));
    }

    private static long secondsUntil(long until, long now) {
        return Math.max(1, (until - now + 999) / 1000);
    }
}

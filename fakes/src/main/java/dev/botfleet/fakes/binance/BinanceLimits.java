package dev.botfleet.fakes.binance;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.Faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Binance's request limits (rest-api.md "LIMITS"): request weight per IP in calendar-minute windows, reported in
 * {@code X-MBX-USED-WEIGHT-1M}; new orders that have not traded, per account in 10-second and daily windows, reported
 * in {@code X-MBX-ORDER-COUNT-10S} / {@code -1D}; 429 with {@code Retry-After} (seconds) when over a limit; and the
 * automatic IP ban (418, {@code Retry-After} until it lifts) for a caller that keeps sending while told to wait.
 * Limits are public fields so a test can lower them.
 */
public final class BinanceLimits {
    public volatile int weightPerMinute = 6000;
    /** Requests sent while a 429's Retry-After still runs before the address is banned. */
    public volatile int violationsBeforeBan = 5;
    public volatile long banMillis = 120_000;

    private final LongSupplier clock;
    private final Faults faults;
    private long weightWindow;
    private int weightUsed;
    private long retryUntil;
    private int violations;
    /** ORDERS windows, shortest first: {length in ms, limit}. Binance's spot defaults: 100 per 10 s, 200,000 per day. */
    private final List<long[]> orderWindows = new ArrayList<>(List.of(new long[] {10_000, 100},
            new long[] {86_400_000L, 200_000}));
    /** Per account and window: {window start, orders counted}. */
    private final Map<FakeAccount, Map<Long, long[]>> orderCounts = new HashMap<>();
    private int refusals;

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

    /** Counts a new order of the account, or refuses it with 429 / -1015 when a window's unfilled orders are at the limit. */
    synchronized Response admitOrder(FakeAccount account) {
        long now = clock.getAsLong();
        Map<Long, long[]> counts = orderCounts.computeIfAbsent(account, a -> new HashMap<>());
        for (long[] w : orderWindows) {
            long start = now - Math.floorMod(now, w[0]);
            long[] c = counts.computeIfAbsent(w[0], k -> new long[2]);
            if (c[0] != start) {
                c[0] = start;
                c[1] = 0;
            }
            if (c[1] + 1 > w[1]) return tooManyOrders((int) w[1], describe(w[0]), secondsUntil(start + w[0], now));
        }
        for (long[] w : orderWindows) counts.get(w[0])[1]++;
        return null;
    }

    /**
     * One of the account's orders traded for the first time (partly or wholly): Binance gives one order back in every
     * ORDERS window ("Spot Unfilled Order Count Rules": the limit counts new orders that do not trade, so an account
     * whose orders fill can keep placing them). Binance may give back more for maker or large fills; the fake gives one.
     */
    synchronized void firstFill(FakeAccount account) {
        Map<Long, long[]> counts = orderCounts.get(account);
        if (counts == null) return;
        long now = clock.getAsLong();
        for (long[] w : orderWindows) {
            long[] c = counts.get(w[0]);
            if (c != null && c[0] == now - Math.floorMod(now, w[0]) && c[1] > 0) c[1]--;
        }
    }

    /** Replaces the shortest ORDERS window (Binance: 10 seconds) with {@code orders} per {@code windowMillis}. */
    public synchronized void limitOrders(int orders, long windowMillis) {
        orderWindows.set(0, new long[] {windowMillis, orders});
        orderWindows.sort((a, b) -> Long.compare(a[0], b[0]));
    }

    /** The ORDERS windows as exchangeInfo advertises them: {length in ms, limit}. */
    synchronized List<long[]> orderWindows() {
        return orderWindows.stream().map(long[]::clone).toList();
    }

    /** Requests answered 429 (over a limit, or by the RATE_LIMIT fault). */
    public synchronized int refusals() { return refusals; }

    /** Adds the used-weight header every Binance answer carries. */
    synchronized Response withWeight(Response response) {
        roll(clock.getAsLong());
        return response.with("X-MBX-USED-WEIGHT-1M", Integer.toString(weightUsed));
    }

    /** Adds the order-count headers a successful order answer carries. */
    synchronized Response withOrderCount(Response response, FakeAccount account) {
        Map<Long, long[]> counts = orderCounts.getOrDefault(account, Map.of());
        for (long[] w : orderWindows) {
            long[] c = counts.get(w[0]);
            response = response.with("X-MBX-ORDER-COUNT-" + headerSuffix(w[0]), Long.toString(c == null ? 0 : c[1]));
        }
        return response;
    }

    /** "10S", "1M", "1D": Binance's (intervalNum)(intervalLetter). */
    static String headerSuffix(long windowMillis) {
        if (windowMillis % 86_400_000L == 0) return windowMillis / 86_400_000L + "D";
        if (windowMillis % 3_600_000L == 0) return windowMillis / 3_600_000L + "H";
        if (windowMillis % 60_000L == 0) return windowMillis / 60_000L + "M";
        return Math.max(1, windowMillis / 1000) + "S";
    }

    private static String describe(long windowMillis) {
        String suffix = headerSuffix(windowMillis);
        String unit = switch (suffix.charAt(suffix.length() - 1)) {
            case 'D' -> "DAY";
            case 'H' -> "HOUR";
            case 'M' -> "MINUTE";
            default -> "SECOND";
        };
        return suffix.substring(0, suffix.length() - 1) + " " + unit;
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
        refusals++;
        return BinanceJson.error(429, -1003, "Too much request weight used; current limit is " + weightPerMinute
                        + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.")
                .with("Retry-After", Long.toString(retryAfterSeconds));
    }

    private Response tooManyOrders(int limit, String per, long retryAfterSeconds) {
        refusals++;
        retryUntil = clock.getAsLong() + retryAfterSeconds * 1000;
        return BinanceJson.error(429, -1015, "Too many new orders; current limit is " + limit + " orders per " + per + ".")
                .with("Retry-After", Long.toString(retryAfterSeconds));
    }

    private static long secondsUntil(long until, long now) {
        return Math.max(1, (until - now + 999) / 1000);
    }
}

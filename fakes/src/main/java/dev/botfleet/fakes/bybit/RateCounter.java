package dev.botfleet.fakes.bybit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bybit's two request limits (https://bybit-exchange.github.io/docs/v5/rate-limit): per endpoint and UID in a rolling
 * one-second window (answered with retCode 10006 and the X-Bapi-Limit* headers), and per IP 600 requests in a rolling
 * five-second window (answered with HTTP 403 "access too frequent" and a ban of at least ten minutes). Limits are public
 * fields so a test can lower them and hit them quickly.
 */
public final class RateCounter {
    /** Requests per second per UID, by path; the spot column of the rate-limit table. */
    public final Map<String, Integer> perSecond = new ConcurrentHashMap<>(Map.of(
            "/v5/order/create", 20,
            "/v5/order/cancel", 20,
            "/v5/order/realtime", 50,
            "/v5/order/history", 50,
            "/v5/execution/list", 50,
            "/v5/account/wallet-balance", 50,
            "/v5/user/query-api", 10));
    public volatile int ipLimit = 600;
    public volatile long ipWindowMillis = 5_000;
    public volatile long ipBanMillis = 600_000;

    /** What one UID-limited request learned: the limit, what is left, and when a refused caller may come back. */
    record Usage(int limit, int remaining, long resetAt, boolean refused) {
    }

    private final LongSupplier clock;
    private final Map<String, Deque<Long>> byKeyAndPath = new HashMap<>();
    private final Deque<Long> ip = new ArrayDeque<>();
    private volatile long ipBannedUntil;
    private int refused;

    RateCounter(LongSupplier clock) {
        this.clock = clock;
    }

    /** Counts one request from the (single) client address; false when it broke the IP limit (now banned). */
    synchronized boolean countIp() {
        long now = clock.getAsLong();
        if (now < ipBannedUntil) return false;
        while (!ip.isEmpty() && ip.peekFirst() <= now - ipWindowMillis) ip.pollFirst();
        if (ip.size() >= ipLimit) {
            ipBannedUntil = now + ipBanMillis;
            ip.clear();
            return false;
        }
        ip.addLast(now);
        return true;
    }

    long ipBannedUntil() { return ipBannedUntil; }

    /** Counts one request of {@code apiKey} to {@code path}; refused requests are not counted. */
    synchronized Usage countUid(String apiKey, String path) {
        Integer limit = perSecond.get(path);
        long now = clock.getAsLong();
        if (limit == null) return null;
        Deque<Long> times = byKeyAndPath.computeIfAbsent(apiKey + " " + path, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - 1000) times.pollFirst();
        if (times.size() >= limit) {
            refused++;
            return new Usage(limit, 0, times.peekFirst() + 1000, true);
        }
        times.addLast(now);
        return new Usage(limit, limit - times.size(), now, false);
    }

    /** How many requests the per-UID limits refused (retCode 10006) so far. */
    public synchronized int refused() { return refused; }

    synchronized void reset() {
        byKeyAndPath.clear();
        ip.clear();
        ipBannedUntil = 0;
    }
}

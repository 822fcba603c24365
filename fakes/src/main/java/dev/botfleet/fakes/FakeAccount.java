package dev.botfleet.fakes;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** One API key of a fake venue and the account behind it. */
public final class FakeAccount {
    public final String apiKey;
    public final String secret;
    public volatile boolean canTrade = true;
    public volatile boolean canWithdraw;
    /** A revoked key is refused like an unknown one. */
    public volatile boolean revoked;
    final Map<String, BigDecimal> free = new LinkedHashMap<>();
    final Map<String, BigDecimal> locked = new LinkedHashMap<>();

    public FakeAccount(String apiKey, String secret) {
        this.apiKey = apiKey;
        this.secret = secret;
    }

    public synchronized FakeAccount deposit(String asset, String amount) {
        free.merge(asset, new BigDecimal(amount), BigDecimal::add);
        return this;
    }

    public synchronized BigDecimal free(String asset) { return free.getOrDefault(asset, BigDecimal.ZERO); }

    public synchronized BigDecimal locked(String asset) { return locked.getOrDefault(asset, BigDecimal.ZERO); }

    /** Every asset the account has ever held, with free and locked amounts. */
    public synchronized Map<String, BigDecimal[]> balances() {
        Map<String, BigDecimal[]> all = new LinkedHashMap<>();
        for (String asset : free.keySet()) all.put(asset, new BigDecimal[] {free(asset), locked(asset)});
        for (String asset : locked.keySet()) all.putIfAbsent(asset, new BigDecimal[] {free(asset), locked(asset)});
        return all;
    }

    public synchronized boolean reserve(String asset, BigDecimal amount) {
        if (free(asset).compareTo(amount) < 0) return false;
        free.put(asset, free(asset).subtract(amount));
        locked.put(asset, locked(asset).add(amount));
        return true;
    }

    public synchronized void release(String asset, BigDecimal amount) {
        BigDecimal l = locked(asset).min(amount);
        locked.put(asset, locked(asset).subtract(l));
        free.put(asset, free(asset).add(l));
    }

    /** Spends from what was reserved (an order's fill). */
    public synchronized void spendLocked(String asset, BigDecimal amount) {
        locked.put(asset, locked(asset).subtract(amount));
    }

    public synchronized void credit(String asset, BigDecimal amount) {
        free.merge(asset, amount, BigDecimal::add);
    }
}

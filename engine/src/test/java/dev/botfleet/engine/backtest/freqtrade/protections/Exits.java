package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test driver: a manager fed exits the way the backtest loop feeds it, with times written as hours and minutes. */
final class Exits {

    /** 2024-01-01 00:00 UTC. */
    static final long DAY0 = 1_704_067_200_000L;

    final ProtectionManager manager;
    final List<ClosedTrade> closed = new ArrayList<>();

    Exits(int timeframeMinutes, ProtectionConfig... configs) {
        manager = new ProtectionManager(List.of(configs), timeframeMinutes, 1000);
    }

    /** Time {@code hh:mm} on DAY0, epoch ms. */
    static long at(int hour, int minute) {
        return DAY0 + hour * 3_600_000L + minute * 60_000L;
    }

    static ProtectionConfig config(String method, Object... keysAndValues) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            params.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new ProtectionConfig(method, params);
    }

    /** A long trade on {@code pair} closes at {@code close} with this profit ratio and exit reason. */
    Exits exit(String pair, long close, double profit, String reason) {
        return exit(pair, close, profit, reason, false);
    }

    Exits exitShort(String pair, long close, double profit, String reason) {
        return exit(pair, close, profit, reason, true);
    }

    private Exits exit(String pair, long close, double profit, String reason, boolean isShort) {
        ClosedTrade t = new ClosedTrade(pair, close - 3_600_000L, close, profit, profit * 100, reason, isShort);
        closed.add(t);
        manager.onExit(t, closed, close);
        return this;
    }

    boolean locked(String pair, long now) {
        return manager.isLocked(pair, now, false);
    }

    boolean lockedShort(String pair, long now) {
        return manager.isLocked(pair, now, true);
    }

    List<Lock> locks() {
        return manager.locks();
    }
}

package dev.botfleet.server.backtest.portfolio;

import dev.botfleet.engine.backtest.freqtrade.FreqtradeTrade;
import dev.botfleet.engine.backtest.freqtrade.PairLocks;
import dev.botfleet.engine.backtest.freqtrade.protections.ClosedTrade;
import dev.botfleet.engine.backtest.freqtrade.protections.Lock;
import dev.botfleet.engine.backtest.freqtrade.protections.ProtectionConfig;
import dev.botfleet.engine.backtest.freqtrade.protections.ProtectionManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config's {@code protections} as the portfolio loop's {@link PairLocks}: each closed {@link FreqtradeTrade}
 * becomes a {@link ClosedTrade} for the {@link ProtectionManager}, which answers whether an entry is locked. One
 * instance serves one run.
 */
final class ProtectionLocks implements PairLocks {
    private final ProtectionManager manager;
    private final List<ClosedTrade> closed = new ArrayList<>();

    /**
     * @param protections each {@code {"method": ..., params...}} as the config gave it
     * @throws IllegalArgumentException naming {@code protections[i].key} (the engine's check)
     */
    ProtectionLocks(List<Map<String, Object>> protections, int timeframeMinutes, double startingBalance) {
        List<ProtectionConfig> configs = new ArrayList<>();
        for (int i = 0; i < protections.size(); i++) {
            Map<String, Object> params = new LinkedHashMap<>(protections.get(i));
            Object method = params.remove("method");
            if (!(method instanceof String name)) {
                throw new IllegalArgumentException("protections[" + i + "].method: required, the protection's name"
                        + " (CooldownPeriod, StoplossGuard, MaxDrawdown or LowProfitPairs), was " + method);
            }
            configs.add(new ProtectionConfig(name, params));
        }
        this.manager = new ProtectionManager(configs, timeframeMinutes, startingBalance);
    }

    @Override
    public boolean locked(String pair, long now, boolean isShort) {
        return manager.isLocked(pair, now, isShort);
    }

    @Override
    public void onExit(String pair, FreqtradeTrade trade, long now) {
        ClosedTrade t = new ClosedTrade(pair, trade.openTime(), trade.closeTime(), trade.profitRatio(),
                trade.profitAbs().doubleValue(), trade.exitReason(), trade.isShort());
        closed.add(t);
        manager.onExit(t, closed, now);
    }

    @Override
    public void onPartialExit(String pair, boolean isShort, long now) {
        manager.onPartialExit(pair, isShort, closed, now);
    }

    /** Every lock the run set, in the order set. */
    List<Lock> locks() {
        return manager.locks();
    }
}

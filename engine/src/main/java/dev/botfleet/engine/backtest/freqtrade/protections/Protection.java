package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One configured protection (Freqtrade's {@code IProtection}). After an exit the manager asks every protection for a
 * lock on the exited pair ({@link #stopPerPair}), then for a global one ({@link #globalStop}); {@code null} = no lock.
 */
abstract sealed class Protection permits CooldownPeriod, StoplossGuard, MaxDrawdown, LowProfitPairs {

    static final List<String> METHODS = List.of("CooldownPeriod", "StoplossGuard", "MaxDrawdown", "LowProfitPairs");

    final ProtectionTiming timing;

    Protection(ProtectionTiming timing) {
        this.timing = timing;
    }

    /** A lock for {@code pair} after one of its trades on {@code side} ("long"/"short") exited at {@code now}. */
    LockRequest stopPerPair(String pair, long now, String side, TradeHistory history) {
        return null;
    }

    /** A lock for every pair after a trade on {@code side} exited at {@code now}. */
    LockRequest globalStop(long now, String side, TradeHistory history) {
        return null;
    }

    /** Builds entry {@code index} of the list, refusing anything Freqtrade would refuse or silently ignore. */
    static Protection create(ProtectionConfig config, int index, int timeframeMinutes) {
        ParamReader in = new ParamReader(config, index);
        return switch (config.method()) {
            case "CooldownPeriod" -> {
                // Freqtrade's docs say Cooldown ignores the lookback; its code does use it to find the last trade.
                in.allowOnly(ProtectionTiming.KEYS, Map.of(
                        "trade_limit", " (it locks after every exit)",
                        "only_per_pair", " (it always locks one pair)"));
                yield new CooldownPeriod(ProtectionTiming.read(in, timeframeMinutes));
            }
            case "StoplossGuard" -> {
                in.allowOnly(keys("trade_limit", "only_per_pair", "only_per_side", "required_profit"), Map.of());
                yield new StoplossGuard(ProtectionTiming.read(in, timeframeMinutes), in);
            }
            case "MaxDrawdown" -> {
                in.allowOnly(keys("trade_limit", "max_allowed_drawdown"), Map.of(
                        "calculation_mode", " in Freqtrade 2024.10, which this port follows (its drawdown sums the"
                                + " trades' profit ratios)",
                        "only_per_pair", " (its lock is always global)"));
                yield new MaxDrawdown(ProtectionTiming.read(in, timeframeMinutes), in);
            }
            case "LowProfitPairs" -> {
                in.allowOnly(keys("trade_limit", "required_profit", "only_per_side"), Map.of(
                        "only_per_pair", " (Freqtrade ignores it there: LowProfitPairs always locks one pair)"));
                yield new LowProfitPairs(ProtectionTiming.read(in, timeframeMinutes), in);
            }
            default -> throw new IllegalArgumentException(in.at("method") + " \"" + config.method()
                    + "\" is not a protection; expected one of " + String.join(", ", METHODS));
        };
    }

    /** {@code trade_limit}: a positive whole number; Freqtrade's default for the method when absent. */
    static long tradeLimit(ParamReader in, long fallback) {
        return in.has("trade_limit") ? in.wholeNumber("trade_limit", 1, "a positive whole number") : fallback;
    }

    private static Set<String> keys(String... own) {
        Set<String> all = new HashSet<>(ProtectionTiming.KEYS);
        all.addAll(List.of(own));
        return all;
    }
}

package dev.botfleet.engine.sim;

import dev.botfleet.engine.exchange.Balance;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A paper wallet: per asset what is held and what open orders have reserved. */
final class SimAccount {
    private final Map<String, BigDecimal> totals = new LinkedHashMap<>();
    private final Map<String, BigDecimal> reserved = new LinkedHashMap<>();

    SimAccount(Map<String, BigDecimal> initial) {
        totals.putAll(initial);
    }

    BigDecimal available(String asset) {
        return total(asset).subtract(reserved.getOrDefault(asset, BigDecimal.ZERO));
    }

    BigDecimal total(String asset) {
        return totals.getOrDefault(asset, BigDecimal.ZERO);
    }

    void reserve(String asset, BigDecimal amount) {
        reserved.merge(asset, amount, BigDecimal::add);
    }

    void release(String asset, BigDecimal amount) {
        reserved.merge(asset, amount.negate(), BigDecimal::add);
    }

    void add(String asset, BigDecimal amount) {
        totals.merge(asset, amount, BigDecimal::add);
    }

    Optional<Balance> balance(String asset) {
        return Optional.of(new Balance(asset, total(asset), available(asset)));
    }

    Map<String, BigDecimal> totals() {
        return Collections.unmodifiableMap(totals);
    }
}

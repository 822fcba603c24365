package dev.botfleet.strategies.exit;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Freqtrade's {@code minimal_roi}: minutes since the deal opened → the profit ratio (0.04 = 4 %, net of fees) at which
 * to exit. The entry with the largest minute not after the deal's age applies, so targets usually fall over time.
 */
public final class RoiTable {
    private final NavigableMap<Long, BigDecimal> targets;

    public RoiTable(Map<Long, BigDecimal> targets) {
        this.targets = new TreeMap<>(targets);
    }

    /** The profit ratio required after {@code minutes}, or empty before the first entry applies. */
    public Optional<BigDecimal> target(long minutes) {
        Map.Entry<Long, BigDecimal> e = targets.floorEntry(minutes);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }

    public NavigableMap<Long, BigDecimal> targets() { return java.util.Collections.unmodifiableNavigableMap(targets); }
}

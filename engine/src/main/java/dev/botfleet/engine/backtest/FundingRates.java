package dev.botfleet.engine.backtest;

import java.math.BigDecimal;
import java.util.List;

/**
 * A perpetual's funding-rate fixings, oldest first: at each {@code time} a position pays (long, positive rate) or
 * receives {@code quantity × mark × rate}. A backtest without them books no funding (and says so in its warnings).
 */
public record FundingRates(List<Fixing> fixings) {

    public static final FundingRates NONE = new FundingRates(List.of());

    public record Fixing(long time, BigDecimal rate) {
    }

    public FundingRates {
        fixings = List.copyOf(fixings);
        for (int i = 1; i < fixings.size(); i++) {
            if (fixings.get(i).time() <= fixings.get(i - 1).time()) {
                throw new IllegalArgumentException("funding fixings must be in strictly increasing time order");
            }
        }
    }

    public boolean isEmpty() { return fixings.isEmpty(); }
}

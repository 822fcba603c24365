package dev.botfleet.engine.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A bot's leverage and margin mode on a perpetual: chosen per bot, checked against the instrument's
 * {@link Derivative#maxLeverage()} before every order, and set on the venue before the bot's first order.
 *
 * @param leverage notional per unit of margin: at 5, a 1,000 USDT position locks 200 USDT
 */
public record MarginSettings(BigDecimal leverage, MarginMode mode) {

    /** What a perpetual bot trades with when it states nothing: no borrowing beyond its margin. */
    public static final MarginSettings DEFAULT = new MarginSettings(BigDecimal.ONE, MarginMode.ISOLATED);

    public MarginSettings {
        Objects.requireNonNull(leverage, "leverage");
        Objects.requireNonNull(mode, "mode");
        if (leverage.compareTo(BigDecimal.ONE) < 0) throw new IllegalArgumentException("leverage must be at least 1");
    }
}

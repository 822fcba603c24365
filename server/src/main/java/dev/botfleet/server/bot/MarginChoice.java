package dev.botfleet.server.bot;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.server.common.Violations;

import java.math.BigDecimal;

/**
 * A bot's {@code leverage} and {@code marginMode} checked against its instrument: a perpetual takes a leverage from 1
 * to the instrument's maximum (default 1) and ISOLATED (default) or CROSS; spot takes neither (a leverage of exactly 1
 * is accepted and means nothing).
 */
final class MarginChoice {
    private static final int MAX_DECIMALS = 2;

    private MarginChoice() {
    }

    /** The settings to store, null on spot or when a field was refused (the refusal is in {@code v}). */
    static MarginSettings resolve(Violations v, Instrument instrument, Object leverageValue, String modeValue) {
        BigDecimal leverage = leverage(v, leverageValue);
        MarginMode mode = v.oneOf("marginMode", modeValue, MarginMode.class, false);
        if (instrument == null) return null;
        if (!instrument.isPerpetual()) {
            if (leverage != null && leverage.compareTo(BigDecimal.ONE) != 0) {
                v.add("leverage", "only perpetuals take leverage; " + instrument.symbol() + " on '"
                        + instrument.exchange() + "' is spot", leverageValue);
            }
            if (mode != null) {
                v.add("marginMode", "only perpetuals have a margin mode; " + instrument.symbol() + " on '"
                        + instrument.exchange() + "' is spot", modeValue);
            }
            return null;
        }
        BigDecimal max = instrument.derivative().maxLeverage();
        if (leverage != null && leverage.compareTo(max) > 0) {
            v.add("leverage", "is above the maximum " + max.stripTrailingZeros().toPlainString() + " of "
                    + instrument.symbol(), leverageValue);
            return null;
        }
        if (v.has("leverage") || v.has("marginMode")) return null;
        return new MarginSettings(leverage == null ? BigDecimal.ONE : leverage,
                mode == null ? MarginMode.ISOLATED : mode);
    }

    private static BigDecimal leverage(Violations v, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) return null;
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            v.add("leverage", "must be a number such as 5 or 2.5", value);
            return null;
        }
        if (parsed.compareTo(BigDecimal.ONE) < 0) {
            v.add("leverage", "must be at least 1", value);
            return null;
        }
        if (parsed.stripTrailingZeros().scale() > MAX_DECIMALS) {
            v.add("leverage", "may have at most " + MAX_DECIMALS + " decimals", value);
            return null;
        }
        return parsed.stripTrailingZeros();
    }
}

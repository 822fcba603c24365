package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers in activity messages: the instrument's decimals, thousands separators, never scientific notation. */
final class Formats {
    private Formats() {
    }

    static String price(BigDecimal price, Instrument in) {
        return grouped(price, in.priceScale());
    }

    static String quantity(BigDecimal quantity, Instrument in) {
        return grouped(quantity, in.quantityScale());
    }

    /** Signed money in the quote asset, e.g. "+12.34 USDT". */
    static String pnl(BigDecimal pnl, Instrument in) {
        String s = grouped(pnl, in.priceScale());
        return (pnl.signum() > 0 ? "+" : "") + s + " " + in.quoteAsset();
    }

    private static String grouped(BigDecimal value, int scale) {
        return String.format(Locale.ROOT, "%,." + scale + "f", value.setScale(scale, RoundingMode.HALF_EVEN));
    }
}

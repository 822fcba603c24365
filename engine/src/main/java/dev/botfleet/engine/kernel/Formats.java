package dev.botfleet.engine.kernel;

import dev.botfleet.engine.market.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers in activity messages: the instrument's decimals, thousands separators, never scientific notation.
 * Hand-rolled because {@code String.format("%,.2f")} builds a locale number format per call, which dominated the
 * cost of a fill.
 */
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

    static String grouped(BigDecimal value, int scale) {
        String plain = value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = plain.startsWith("-");
        int start = negative ? 1 : 0;
        int dot = plain.indexOf('.');
        int intEnd = dot < 0 ? plain.length() : dot;
        StringBuilder out = new StringBuilder(plain.length() + 8);
        if (negative) out.append('-');
        for (int i = start; i < intEnd; i++) {
            if (i > start && (intEnd - i) % 3 == 0) out.append(',');
            out.append(plain.charAt(i));
        }
        out.append(plain, intEnd, plain.length());
        return out.toString();
    }
}

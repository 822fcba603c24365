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

    /** The most decimals a result under the instrument's price step is shown with. */
    private static final int SMALLEST_PNL_SCALE = 8;

    /**
     * Signed money in the quote asset, e.g. "+12.34 USDT". A result that is not zero but rounds to zero at the price's
     * decimals gets the decimals it needs (up to 8): "-0.0003 USDT", never a loss shown as "0.00".
     */
    static String pnl(BigDecimal pnl, Instrument in) {
        int scale = in.priceScale();
        if (pnl.signum() != 0 && pnl.setScale(scale, RoundingMode.HALF_EVEN).signum() == 0) {
            scale = Math.max(scale, Math.min(pnl.stripTrailingZeros().scale(), SMALLEST_PNL_SCALE));
        }
        String s = grouped(pnl, scale);
        String sign = pnl.signum() > 0 ? "+" : pnl.signum() < 0 && !s.startsWith("-") ? "-" : "";
        return sign + s + " " + in.quoteAsset();
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

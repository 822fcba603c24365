package dev.botfleet.engine.backtest.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Python's number formatting as Freqtrade's text report uses it. Java's {@code %.2f} rounds the shortest decimal
 * half-up (0.125 → "0.13"); Python rounds the exact binary value half-even (→ "0.12"), so formatting goes through
 * {@link BigDecimal}.
 */
final class PyFormat {

    /** Freqtrade's DECIMALS_PER_COIN; other currencies get 3 decimals. */
    private static final Map<String, Integer> DECIMALS_PER_COIN = Map.of("BTC", 8, "ETH", 5);
    private static final DateTimeFormatter PRINT_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private PyFormat() {
    }

    /** {@code f"{x:.{digits}f}"}. */
    static String fixed(double x, int digits) {
        String s = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        // Python keeps the sign of a negative value that rounds to zero ("-0.00"); BigDecimal has no −0.
        boolean negative = x < 0 || (x == 0 && 1 / x < 0);
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    /** {@code f"{x:.2%}"}: x × 100 (a float multiplication, as Python does) with 2 decimals and "%". */
    static String percent(double x) {
        return fixed(x * 100, 2) + "%";
    }

    static int decimalsPerCoin(String coin) {
        return DECIMALS_PER_COIN.getOrDefault(coin, 3);
    }

    /** Freqtrade's fmt_coin: the coin's decimals, trailing zeros stripped, then the coin ("222.2 USDT"). */
    static String coin(double value, String coin) {
        String s = fixed(value, decimalsPerCoin(coin));
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s + " " + coin;
    }

    /** Python's {@code str(float)}: shortest digits, always with a decimal point, plain between 1e-4 and 1e16. */
    static String str(double x) {
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        double abs = Math.abs(x);
        if (!Double.isFinite(x) || abs < 1e-4 || abs >= 1e16) {
            return Double.toString(x); // exponent forms differ from Python's (1.0E-5 vs 1e-05); not reached here
        }
        String plain = new BigDecimal(Double.toString(x)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** Freqtrade's DATETIME_PRINT_FORMAT in UTC. */
    static String date(long epochMs) {
        return PRINT_FORMAT.format(Instant.ofEpochMilli(epochMs));
    }

    /** Freqtrade's "Win  Draw  Loss  Win%" cell. */
    static String winsDrawsLosses(int wins, int draws, int losses) {
        String ratio;
        if (wins > 0 && losses == 0) {
            ratio = "100";
        } else if (wins == 0) {
            ratio = "0";
        } else {
            ratio = fixed(100.0 / (wins + draws + losses) * wins, 1);
        }
        return String.format("%4d  %4d  %4d  %4s", wins, draws, losses, ratio);
    }
}

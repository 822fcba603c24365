package dev.botfleet.server.backtest;

import java.math.BigDecimal;

final class Html {
    private Html() {
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Six significant digits, plain notation: axis labels for BTC-quoted prices (0.0169325) and for 64210.5 alike. */
    static String number(double v) {
        if (!Double.isFinite(v)) return "";
        return new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String percent(Double ratio) {
        return ratio == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f%%", ratio * 100);
    }

    static String ratio(Double v) {
        return v == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}

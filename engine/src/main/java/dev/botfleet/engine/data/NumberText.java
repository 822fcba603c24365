package dev.botfleet.engine.data;

/**
 * Parses numbers straight out of a larger string, without substrings, regexes or BigDecimal on the common path.
 * Plain decimals with at most 18 significant digits and a power of ten within ±22 are converted exactly (Clinger's
 * fast path: both operands are exact doubles, so one IEEE multiplication or division rounds correctly); anything
 * longer falls back to {@link Double#parseDouble}.
 */
final class NumberText {
    /** Exact powers of ten as doubles (10^22 is the largest exactly representable one). */
    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private NumberText() {
    }

    /** The decimal number in {@code s[from, to)}, or NaN if the text is not a plain decimal number. */
    static double parseDecimal(String s, int from, int to) {
        int i = from;
        if (i >= to) {
            return Double.NaN;
        }
        boolean negative = false;
        char first = s.charAt(i);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        int digits = 0;
        boolean exact = true;
        for (; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                break;
            }
            digits++;
            if (significant < 18) {
                if (mantissa != 0 || ch != '0') {
                    mantissa = mantissa * 10 + (ch - '0');
                    significant++;
                }
            } else {
                exact = false;
                exponent++;
            }
        }
        if (i < to && s.charAt(i) == '.') {
            i++;
            for (; i < to; i++) {
                char ch = s.charAt(i);
                if (ch < '0' || ch > '9') {
                    break;
                }
                digits++;
                if (significant < 18) {
                    if (mantissa != 0 || ch != '0') {
                        mantissa = mantissa * 10 + (ch - '0');
                        significant++;
                    }
                    exponent--;
                } else {
                    exact = false;
                }
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                negativeExponent = s.charAt(i) == '-';
                i++;
            }
            int start = i;
            int value = 0;
            for (; i < to; i++) {
                char ch = s.charAt(i);
                if (ch < '0' || ch > '9') {
                    break;
                }
                if (value < 100_000) {
                    value = value * 10 + (ch - '0');
                }
            }
            if (i == start) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -value : value;
        }
        if (i != to) {
            return Double.NaN;
        }
        if (exact && mantissa < (1L << 53) && exponent >= -22 && exponent <= 22) {
            double value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
            return negative ? -value : value;
        }
        // long mantissas or far exponents: the JDK's correctly rounded parser (the syntax is already checked)
        return Double.parseDouble(s.substring(from, to));
    }

    /** The non-negative whole number in {@code s[from, to)}, or -1 if it is not one (or exceeds 18 digits). */
    static long parseWhole(String s, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }
}

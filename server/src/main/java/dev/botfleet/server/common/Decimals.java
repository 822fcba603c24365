package dev.botfleet.server.common;

import java.math.BigDecimal;

/** Decimals leave the server as plain strings without trailing zeros ("64210.5", "0"): exact, never a float. */
public final class Decimals {
    private Decimals() {
    }

    public static String format(BigDecimal value) {
        if (value == null) return null;
        if (value.signum() == 0) return "0";
        return value.stripTrailingZeros().toPlainString();
    }
}

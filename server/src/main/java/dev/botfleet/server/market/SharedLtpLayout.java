package dev.botfleet.server.market;

import java.util.Map;
import java.util.Optional;

/**
 * The Redis layout for last prices that earlier platforms of this kind share (seed 000 §4): one hash per
 * {@code <exchange prefix>:<BASE>}, e.g. {@code binance_spot:ETH}, with fields {@code ltp}, {@code current_funding_rate}
 * (futures only) and {@code timestamp}. The key names only the base asset, so it carries the USDT market (the quote
 * those platforms trade); other quotes live only under our own keys ({@code ltp:<exchange>:<symbol>}).
 */
final class SharedLtpLayout {
    static final String PRICE = "ltp";
    static final String FUNDING_RATE = "current_funding_rate";
    static final String TIMESTAMP = "timestamp";
    private static final String QUOTE = "USDT";
    private static final Map<String, String> PREFIXES = Map.of(
            "binance", "binance_spot",
            "bybit", "bybit_spot",
            "sim", "sim_spot");

    private SharedLtpLayout() {
    }

    /** The shared key of a market, or empty when the layout has no place for it. */
    static Optional<String> key(String exchange, String symbol) {
        String prefix = PREFIXES.get(exchange);
        int slash = symbol.indexOf('/');
        if (prefix == null || slash < 1 || !symbol.substring(slash + 1).equals(QUOTE)) return Optional.empty();
        return Optional.of(prefix + ":" + symbol.substring(0, slash));
    }

    /**
     * A timestamp as other writers put it: epoch milliseconds, epoch seconds (with or without a fraction) or ISO-8601.
     * Null when it is none of those.
     */
    static Long millis(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        try {
            double number = Double.parseDouble(v);
            return number < 1e11 ? Math.round(number * 1000) : Math.round(number);
        } catch (NumberFormatException notNumber) {
            try {
                return java.time.OffsetDateTime.parse(v).toInstant().toEpochMilli();
            } catch (java.time.format.DateTimeParseException notOffset) {
                try {
                    return java.time.LocalDateTime.parse(v).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
                } catch (java.time.format.DateTimeParseException notLocal) {
                    return null;
                }
            }
        }
    }
}

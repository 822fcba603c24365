package dev.botfleet.server.market;

import java.util.Map;
import java.util.Optional;

/**
 * The Redis layout for last prices that earlier platforms of this kind share (seed 000 §4): one hash per
 * {@code <exchange prefix>:<BASE>}, e.g. {@code binance_spot:ETH} or {@code coindcx_futures:ETH}, with fields
 * {@code ltp}, {@code current_funding_rate} (futures only) and {@code timestamp}. The key names only the base asset, so
 * it carries the market in the quote those platforms trade on that venue (USDT; USD on Delta); other quotes live only
 * under our own keys ({@code ltp:<exchange>:<symbol>}).
 */
final class SharedLtpLayout {
    static final String PRICE = "ltp";
    static final String FUNDING_RATE = "current_funding_rate";
    static final String TIMESTAMP = "timestamp";
    private record Place(String prefix, String quote) {
    }

    private static final Map<String, Place> PREFIXES = Map.of(
            "binance", new Place("binance_spot", "USDT"),
            "bybit", new Place("bybit_spot", "USDT"),
            "coindcx", new Place("coindcx_futures", "USDT"),
            "delta", new Place("delta_futures", "USD"),
            "sim", new Place("sim_spot", "USDT"),
            "sim_perp", new Place("sim_futures", "USDT"));

    private SharedLtpLayout() {
    }

    /** The shared key of a market, or empty when the layout has no place for it. */
    static Optional<String> key(String exchange, String symbol) {
        Place place = PREFIXES.get(exchange);
        int slash = symbol.indexOf('/');
        if (place == null || slash < 1 || !symbol.substring(slash + 1).equals(place.quote())) return Optional.empty();
        return Optional.of(place.prefix() + ":" + symbol.substring(0, slash));
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

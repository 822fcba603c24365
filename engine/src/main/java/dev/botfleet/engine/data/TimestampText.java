package dev.botfleet.engine.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Candle timestamps as written in files, turned into epoch milliseconds. Whole numbers are told apart by size: below
 * 1e11 they are epoch seconds (1e11 s is the year 5138), below 1e14 milliseconds, above that microseconds (Binance's
 * newer dumps). Text is ISO-8601: "2018-01-10T05:35:00Z", "2018-01-10 05:35:00+00:00", "2018-01-10 05:35:00" (UTC
 * assumed), or a date alone.
 */
final class TimestampText {
    private static final long SECONDS_BELOW = 100_000_000_000L;
    private static final long MILLIS_BELOW = 100_000_000_000_000L;

    private TimestampText() {
    }

    /** Epoch milliseconds, or throws {@link IllegalArgumentException} with the reason. */
    static long parse(String s, int from, int to) {
        long whole = NumberText.parseWhole(s, from, to);
        if (whole >= 0) {
            return fromEpochNumber(whole, s.substring(from, to));
        }
        String text = s.substring(from, to);
        if (text.length() >= 10 && Character.isDigit(text.charAt(0)) && text.charAt(4) == '-') {
            try {
                return parseIso(text.replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                // fall through to the common message
            }
        }
        throw new IllegalArgumentException("timestamp '" + RawCandles.abbreviate(text)
                + "' is neither epoch seconds/milliseconds nor ISO-8601 (like 2018-01-10T05:35:00Z)");
    }

    /** Seconds, milliseconds or microseconds by magnitude, as described above. */
    static long fromEpochNumber(long value, String text) {
        if (value < SECONDS_BELOW) {
            return value * 1000;
        }
        if (value < MILLIS_BELOW) {
            return value;
        }
        if (value % 1000 != 0) {
            throw new IllegalArgumentException("timestamp " + text + " (microseconds) is not a whole millisecond");
        }
        return value / 1000;
    }

    private static long parseIso(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        boolean hasZone = text.endsWith("Z") || text.indexOf('+', 10) > 0 || text.indexOf('-', 10) > 0;
        return hasZone ? OffsetDateTime.parse(text).toInstant().toEpochMilli()
                : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}

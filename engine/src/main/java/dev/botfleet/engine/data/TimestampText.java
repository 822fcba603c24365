package dev.botfleet.engine.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
        long fast = parseCommonIso(s, from, to);
        if (fast != Long.MIN_VALUE) {
            return fast;
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

    /**
     * The layouts that fill real files ("2018-01-10 04:55:00", "...T04:55:00Z", "...04:55:00.000+00:00") without
     * java.time's general parser, which is several times slower; Long.MIN_VALUE for anything else (the caller then
     * uses the general parser, which also produces the error for invalid dates).
     */
    private static long parseCommonIso(String s, int from, int to) {
        if (to - from < 19 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-'
                || (s.charAt(from + 10) != 'T' && s.charAt(from + 10) != ' ') || s.charAt(from + 13) != ':'
                || s.charAt(from + 16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int hour = digits(s, from + 11, 2);
        int minute = digits(s, from + 14, 2);
        int second = digits(s, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        int i = from + 19;
        int millis = 0;
        if (i < to && s.charAt(i) == '.') {
            int start = ++i;
            while (i < to && Character.isDigit(s.charAt(i))) {
                if (i - start < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return Long.MIN_VALUE;
            }
            for (int scale = i - start; scale < 3; scale++) {
                millis *= 10;
            }
        }
        long offsetMillis = 0;
        if (i < to) {
            char zone = s.charAt(i);
            if (zone == 'Z' && i + 1 == to) {
                i++;
            } else if ((zone == '+' || zone == '-') && i + 6 == to && s.charAt(i + 3) == ':') {
                int offsetHours = digits(s, i + 1, 2);
                int offsetMinutes = digits(s, i + 4, 2);
                if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
                    return Long.MIN_VALUE;
                }
                offsetMillis = (offsetHours * 60L + offsetMinutes) * 60_000L * (zone == '+' ? 1 : -1);
                i = to;
            } else {
                return Long.MIN_VALUE;
            }
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis - offsetMillis;
    }

    /** The {@code count} decimal digits at {@code at}, or -1 if any is not a digit. */
    private static int digits(String s, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
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

package dev.botfleet.server.backtest.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Freqtrade's {@code --timerange}: {@code 20180110-20180130}, {@code 20180110-}, {@code -20180130}, or the same with
 * epoch seconds (10 digits, {@code 1527595200-1527618600}) or epoch milliseconds (13 digits, cut to the second as
 * Freqtrade does). Dates are UTC midnight.
 * Both ends are inclusive: the data is trimmed to {@code open time >= start} and {@code open time <= stop}, so with
 * 5m candles {@code -20180130} keeps the candle opening at 2018-01-30 00:00 (Freqtrade's {@code trim_dataframe}).
 *
 * @param startMillis null: from the first candle
 * @param stopMillis  null: to the last candle
 */
public record Timerange(Long startMillis, Long stopMillis) {
    /** The same three forms (date, epoch seconds, epoch milliseconds) Freqtrade's TimeRange accepts. */
    private static final Pattern FORM = Pattern.compile("^(\\d{8}|\\d{10}|\\d{13})?-(\\d{8}|\\d{10}|\\d{13})?$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    public static final Timerange ALL = new Timerange(null, null);

    public Timerange {
        if (startMillis != null && stopMillis != null && startMillis > stopMillis) {
            throw new IllegalArgumentException("the start " + Instant.ofEpochMilli(startMillis)
                    + " is after the stop " + Instant.ofEpochMilli(stopMillis));
        }
    }

    /**
     * @throws IllegalArgumentException naming the form expected, e.g. for "2018-01-10" or "20181310-"
     */
    public static Timerange parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new IllegalArgumentException("'" + text + "' is not a timerange; expected START-STOP, START- or"
                    + " -STOP with dates YYYYMMDD (20180110-20180130) or epoch seconds (1527595200-1527618600)");
        }
        if (m.group(1) != null && m.group(2) != null && m.group(1).length() != m.group(2).length()) {
            throw new IllegalArgumentException("'" + text + "': both ends must have the same form"
                    + " (two YYYYMMDD dates or two epoch times)");
        }
        return new Timerange(point(text, m.group(1)), point(text, m.group(2)));
    }

    private static Long point(String text, String digits) {
        if (digits == null) return null;
        return switch (digits.length()) {
            case 8 -> {
                try {
                    yield LocalDate.parse(digits, DAY).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + text + "': " + digits + " is not a date YYYYMMDD");
                }
            }
            case 10 -> Long.parseLong(digits) * 1000;
            // Freqtrade keeps whole seconds: epoch milliseconds are cut to the second (int(ms) // 1000)
            default -> Long.parseLong(digits) / 1000 * 1000;
        };
    }

    /** True when the candle opening at {@code openTime} is inside the range. */
    public boolean contains(long openTime) {
        return (startMillis == null || openTime >= startMillis) && (stopMillis == null || openTime <= stopMillis);
    }

    @Override
    public String toString() {
        return (startMillis == null ? "" : Instant.ofEpochMilli(startMillis).toString()) + " .. "
                + (stopMillis == null ? "" : Instant.ofEpochMilli(stopMillis).toString());
    }
}

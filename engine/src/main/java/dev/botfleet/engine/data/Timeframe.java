package dev.botfleet.engine.data;

/**
 * The fixed length of a candle, e.g. {@code 5m}. Written like the exchanges write it: a positive count and a unit,
 * {@code s} seconds, {@code m} minutes, {@code h} hours, {@code d} days, {@code w} weeks ("1m", "5m", "1h", "4h", "1d").
 * Months are not fixed-length and are refused.
 */
public record Timeframe(long millis) implements Comparable<Timeframe> {
    public static final Timeframe M1 = new Timeframe(60_000L);
    public static final Timeframe M5 = new Timeframe(5 * 60_000L);
    public static final Timeframe M15 = new Timeframe(15 * 60_000L);
    public static final Timeframe H1 = new Timeframe(3_600_000L);
    public static final Timeframe H4 = new Timeframe(4 * 3_600_000L);
    public static final Timeframe D1 = new Timeframe(86_400_000L);

    private static final long SECOND = 1000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;

    public Timeframe {
        if (millis <= 0) {
            throw new IllegalArgumentException("a timeframe must be positive, was " + millis + " ms");
        }
    }

    public static Timeframe ofMillis(long millis) {
        return new Timeframe(millis);
    }

    /** Parses "5m", "1h", "1d"...; the message of a refusal names the text and the accepted forms. */
    public static Timeframe parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("timeframe is empty; expected a count and a unit like 1m, 5m, 1h, 1d");
        }
        String t = text.strip();
        char unit = t.charAt(t.length() - 1);
        long unitMillis = switch (unit) {
            case 's' -> SECOND;
            case 'm' -> MINUTE;
            case 'h' -> HOUR;
            case 'd' -> DAY;
            case 'w' -> WEEK;
            case 'M' -> throw new IllegalArgumentException("timeframe '" + text
                    + "': months have no fixed length; use days or weeks");
            default -> throw new IllegalArgumentException("timeframe '" + text
                    + "' has no unit; expected a count and one of s, m, h, d, w, like 5m or 1h");
        };
        String digits = t.substring(0, t.length() - 1);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("timeframe '" + text + "' must start with a positive whole count, like 5m");
        }
        long count = Long.parseLong(digits);
        if (count == 0) {
            throw new IllegalArgumentException("timeframe '" + text + "' must be positive");
        }
        return new Timeframe(count * unitMillis);
    }

    /** The start of the candle of this timeframe containing {@code epochMillis}, counting from the Unix epoch. */
    public long floor(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    /** True if {@code smaller} candles tile candles of this timeframe exactly (5m into 1h, not 7m into 1h). */
    public boolean isMultipleOf(Timeframe smaller) {
        return millis % smaller.millis == 0;
    }

    /** The shortest label: "5m", "1h", "90s", "1w". */
    public String label() {
        for (long unit : new long[] {WEEK, DAY, HOUR, MINUTE, SECOND}) {
            if (millis % unit == 0) {
                return millis / unit + suffix(unit);
            }
        }
        return millis + "ms";
    }

    private static String suffix(long unit) {
        if (unit == WEEK) {
            return "w";
        }
        if (unit == DAY) {
            return "d";
        }
        if (unit == HOUR) {
            return "h";
        }
        return unit == MINUTE ? "m" : "s";
    }

    @Override
    public int compareTo(Timeframe other) {
        return Long.compare(millis, other.millis);
    }

    @Override
    public String toString() {
        return label();
    }
}

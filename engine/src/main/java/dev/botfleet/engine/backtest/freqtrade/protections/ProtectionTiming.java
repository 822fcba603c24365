package dev.botfleet.engine.backtest.freqtrade.protections;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings every protection shares (Freqtrade's {@code IProtection}): which closed trades it looks at
 * ({@code lookback_period} minutes or {@code lookback_period_candles}, default 60 minutes) and when its lock ends
 * ({@code stop_duration} minutes, {@code stop_duration_candles}, or the next {@code unlock_at} time of day; default
 * 60 minutes).
 *
 * @param lookbackMinutes  the window: trades closed strictly after {@code now - lookbackMinutes} count
 * @param lookbackCandles  the configured candles, 0 when given in minutes (only changes the reason text)
 * @param stopMinutes      lock length after the last counted trade's close, when {@code unlockAt} is null
 * @param stopCandles      the configured candles, 0 when given in minutes or by {@code unlock_at}
 * @param unlockAt         {@code "HH:MM"} (UTC) or null
 */
record ProtectionTiming(long lookbackMinutes, long lookbackCandles, long stopMinutes, long stopCandles,
        String unlockAt) {

    static final Set<String> KEYS =
            Set.of("lookback_period", "lookback_period_candles", "stop_duration", "stop_duration_candles", "unlock_at");

    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;
    // What Python's strptime("%H:%M") accepts: one or two digits each, hour 0-23, minute 0-59.
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]?\\d|2[0-3]):([0-5]?\\d)");

    static ProtectionTiming read(ParamReader in, int timeframeMinutes) {
        // The same refusals as Freqtrade's ProtectionManager.validate_protections.
        if (in.has("stop_duration") && in.has("stop_duration_candles")) {
            throw in.error("sets both stop_duration and stop_duration_candles; use one");
        }
        if (in.has("lookback_period") && in.has("lookback_period_candles")) {
            throw in.error("sets both lookback_period and lookback_period_candles; use one");
        }
        if (in.has("unlock_at") && (in.has("stop_duration") || in.has("stop_duration_candles"))) {
            throw in.error("sets unlock_at together with stop_duration or stop_duration_candles; use one");
        }
        long lookbackCandles = 0;
        long lookbackMinutes = 60;
        if (in.has("lookback_period_candles")) {
            lookbackCandles = in.wholeNumber("lookback_period_candles", 1, "a positive whole number");
            lookbackMinutes = lookbackCandles * timeframeMinutes;
        } else if (in.has("lookback_period")) {
            // Freqtrade applies int() (2.5 becomes 2); a fraction is refused rather than silently truncated.
            lookbackMinutes = in.wholeNumber("lookback_period", 1, "a positive whole number of minutes");
        }
        long stopCandles = 0;
        long stopMinutes = 60;
        String unlockAt = null;
        if (in.has("stop_duration_candles")) {
            stopCandles = in.wholeNumber("stop_duration_candles", 1, "a positive whole number");
            stopMinutes = stopCandles * timeframeMinutes;
        } else if (in.has("unlock_at")) {
            unlockAt = in.string("unlock_at");
            if (!TIME_OF_DAY.matcher(unlockAt).matches()) {
                throw new IllegalArgumentException(in.at("unlock_at")
                        + " must be a time of day \"HH:MM\" (24-hour, UTC), was \"" + unlockAt + "\"");
            }
        } else if (in.has("stop_duration")) {
            stopMinutes = in.wholeNumber("stop_duration", 0, "a whole number of minutes >= 0");
        }
        return new ProtectionTiming(lookbackMinutes, lookbackCandles, stopMinutes, stopCandles, unlockAt);
    }

    /** Trades that closed strictly after this time are inside the lookback window. */
    long lookbackStart(long now) {
        return now - lookbackMinutes * MINUTE;
    }

    /**
     * Freqtrade's {@code calculate_lock_end}: from the latest close among {@code trades}, {@code stop_duration} later,
     * or the next {@code unlock_at} time of day (keeping the close's seconds, as Python's {@code replace} does). The
     * lock book then rounds it up to the next candle.
     */
    long lockEnd(List<ClosedTrade> trades) {
        long lastClose = Long.MIN_VALUE;
        for (ClosedTrade t : trades) {
            lastClose = Math.max(lastClose, t.closeTime());
        }
        if (unlockAt == null) {
            return lastClose + stopMinutes * MINUTE;
        }
        Matcher m = TIME_OF_DAY.matcher(unlockAt);
        m.matches();
        long secondsAndMillis = Math.floorMod(lastClose, MINUTE);
        long unlock = Math.floorDiv(lastClose, DAY) * DAY + Integer.parseInt(m.group(1)) * 3_600_000L
                + Integer.parseInt(m.group(2)) * MINUTE + secondsAndMillis;
        return unlock < lastClose ? unlock + DAY : unlock;
    }

    /** Freqtrade's {@code lookback_period_str}: "6 candles" or "60 minutes". */
    String lookbackText() {
        return lookbackCandles > 0 ? count(lookbackCandles, "candle") : count(lookbackMinutes, "minute");
    }

    /** Freqtrade's {@code unlock_reason_time_element}: "for 2 candles", "for 60 minutes" or "until 05:00". */
    String unlockText() {
        if (unlockAt != null) {
            return "until " + unlockAt;
        }
        return "for " + (stopCandles > 0 ? count(stopCandles, "candle") : count(stopMinutes, "minute"));
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}

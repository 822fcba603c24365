package dev.botfleet.engine.market;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The width of a candle. {@link #code()} is the form users and exchanges write ("1m", "4h", "1d"). */
public enum Timeframe {
    /** One second: trade-level backtests (ml-signal bots on 1-second data); live bots are fed 1m candles. */
    S1("1s", Duration.ofSeconds(1)),
    M1("1m", Duration.ofMinutes(1)),
    M3("3m", Duration.ofMinutes(3)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    M30("30m", Duration.ofMinutes(30)),
    H1("1h", Duration.ofHours(1)),
    H2("2h", Duration.ofHours(2)),
    H4("4h", Duration.ofHours(4)),
    H6("6h", Duration.ofHours(6)),
    /** Freqtrade's funding-rate timeframe (futures backtests read {@code -8h-funding_rate} files). */
    H8("8h", Duration.ofHours(8)),
    H12("12h", Duration.ofHours(12)),
    D1("1d", Duration.ofDays(1)),
    W1("1w", Duration.ofDays(7));

    private final String code;
    private final Duration duration;
    private final long millis;

    Timeframe(String code, Duration duration) {
        this.code = code;
        this.duration = duration;
        this.millis = duration.toMillis();
    }

    public String code() { return code; }

    public Duration duration() { return duration; }

    public long millis() { return millis; }

    /** The open time of the candle that contains {@code epochMillis} (candles are aligned to the epoch). */
    public long openTimeOf(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }

    public static Optional<Timeframe> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}

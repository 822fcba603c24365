package dev.botfleet.engine.data;

import dev.botfleet.engine.market.Timeframe;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reading and naming {@link Timeframe}s where the text comes from users and files, with errors that help. */
public final class Timeframes {
    private static final String SUPPORTED = Arrays.stream(Timeframe.values()).map(Timeframe::code)
            .collect(Collectors.joining(", "));

    private Timeframes() {
    }

    /** "5m", "1h", "1d"...; a refusal names the text and lists the supported codes. */
    public static Timeframe parse(String text) {
        String code = text == null ? "" : text.strip();
        return Timeframe.fromCode(code).orElseThrow(() -> new IllegalArgumentException("timeframe '" + code
                + "' is not supported; use one of " + SUPPORTED));
    }

    /** The timeframe exactly {@code millis} long, if we support one. */
    public static Optional<Timeframe> ofMillis(long millis) {
        return Arrays.stream(Timeframe.values()).filter(t -> t.millis() == millis).findFirst();
    }

    /** A spacing in the units exchanges use ("7m", "90s", "1500ms"), for messages about unsupported ones. */
    public static String describe(long millis) {
        long[] units = {604_800_000L, 86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] suffixes = {"w", "d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (millis != 0 && millis % units[i] == 0) {
                return millis / units[i] + suffixes[i];
            }
        }
        return millis + "ms";
    }

    /** The list of supported codes, for messages. */
    static String supported() {
        return SUPPORTED;
    }
}

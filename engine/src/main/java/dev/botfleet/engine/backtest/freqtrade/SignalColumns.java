package dev.botfleet.engine.backtest.freqtrade;

/**
 * The strategy's signal columns, one row per candle, exactly as {@code populate_entry_trend/populate_exit_trend}
 * produced them: row i was computed on candle i's close. The backtest shifts them by one candle itself.
 * {@code enterTag} and {@code exitTag} may be null (no tags); their elements may be null.
 */
public record SignalColumns(
        boolean[] enterLong, boolean[] exitLong, boolean[] enterShort, boolean[] exitShort,
        String[] enterTag, String[] exitTag) {

    public SignalColumns {
        if (enterLong == null || exitLong == null) {
            throw new IllegalArgumentException("enter_long and exit_long columns are required");
        }
        int n = enterLong.length;
        enterShort = enterShort != null ? enterShort : new boolean[n];
        exitShort = exitShort != null ? exitShort : new boolean[n];
        enterTag = enterTag != null ? enterTag : new String[n];
        exitTag = exitTag != null ? exitTag : new String[n];
        check("exit_long", exitLong.length, n);
        check("enter_short", enterShort.length, n);
        check("exit_short", exitShort.length, n);
        check("enter_tag", enterTag.length, n);
        check("exit_tag", exitTag.length, n);
    }

    public static SignalColumns longOnly(boolean[] enterLong, boolean[] exitLong) {
        return new SignalColumns(enterLong, exitLong, null, null, null, null);
    }

    public int size() {
        return enterLong.length;
    }

    private static void check(String name, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(name + " column has " + length + " rows, expected " + expected
                    + " (the length of enter_long)");
        }
    }
}

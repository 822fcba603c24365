package dev.botfleet.engine.backtest.freqtrade;

/** Why a trade closed, with the exact string Freqtrade writes in {@code exit_reason}. */
public enum ExitType {
    ROI("roi"),
    STOP_LOSS("stop_loss"),
    TRAILING_STOP_LOSS("trailing_stop_loss"),
    EXIT_SIGNAL("exit_signal"),
    CUSTOM_EXIT("custom_exit"),
    FORCE_EXIT("force_exit"),
    /** The candle reached the trade's liquidation price before its stop (isolated futures). */
    LIQUIDATION("liquidation"),
    /** A position adjustment sold part of the trade (or all of it). */
    PARTIAL_EXIT("partial_exit");

    private final String reason;

    ExitType(String reason) {
        this.reason = reason;
    }

    /** Freqtrade's spelling, e.g. {@code "trailing_stop_loss"}. */
    public String reason() {
        return reason;
    }
}

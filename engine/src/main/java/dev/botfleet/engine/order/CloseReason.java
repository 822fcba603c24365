package dev.botfleet.engine.order;

/** Why a deal (round trip) was closed; carried by the order that closes it. ROI: Freqtrade's minimal-ROI table. */
public enum CloseReason {
    TAKE_PROFIT, STOP_LOSS, TRAILING_STOP, TIME_LIMIT, SIGNAL, MANUAL, ROI
}

package dev.botfleet.engine.order;

public enum TimeInForce {
    /** Good till canceled. */
    GTC,
    /** Immediate or cancel: whatever does not fill at once is canceled. */
    IOC
}

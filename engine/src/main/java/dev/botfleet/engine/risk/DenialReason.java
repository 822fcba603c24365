package dev.botfleet.engine.risk;

/** Why the risk checks refused an order locally (it never reached the exchange). Stable codes for the API. */
public enum DenialReason {
    KILL_SWITCH,
    NON_POSITIVE_PRICE,
    NON_POSITIVE_QUANTITY,
    PRICE_PRECISION,
    /** A STOP_MARKET order's trigger price is zero or negative. */
    NON_POSITIVE_TRIGGER_PRICE,
    /** A STOP_MARKET order's trigger price is off the tick grid. */
    TRIGGER_PRICE_PRECISION,
    QUANTITY_PRECISION,
    QUANTITY_BELOW_MIN,
    NOTIONAL_BELOW_MIN,
    MAX_ORDER_NOTIONAL_EXCEEDED,
    MAX_OPEN_ORDERS_EXCEEDED,
    MAX_POSITION_EXCEEDED,
    INSUFFICIENT_BALANCE,
    /** A perpetual order whose initial margin (opening part / leverage, plus fees) exceeds the free settle asset. */
    INSUFFICIENT_MARGIN,
    /** The bot's leverage is above the perpetual's maximum. */
    LEVERAGE_ABOVE_MAX,
    /** A market order before any price is known: its notional and balance impact cannot be checked. */
    NO_MARKET_PRICE,
    /** The bot is stopping or stopped: it may cancel but not open orders. */
    BOT_NOT_RUNNING
}

package dev.botfleet.dex.intel;

/** How a bot decides before it trades. */
public enum Lane {
    /** Trades on simple rules within the block it sees a signal in; runs only the checks that cost one eth_call. */
    FAST,
    /** Waits for the full analysis of the token (every {@link Check}) and trades on the next signal after it. */
    SMART
}

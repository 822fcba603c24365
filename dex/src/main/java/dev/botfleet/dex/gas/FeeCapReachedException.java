package dev.botfleet.dex.gas;

/** A bid the bot's max-fee cap does not allow (a replacement or cancellation that would have to pay more). */
public class FeeCapReachedException extends RuntimeException {
    public FeeCapReachedException(String message) {
        super(message);
    }
}

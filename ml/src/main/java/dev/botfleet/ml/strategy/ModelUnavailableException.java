package dev.botfleet.ml.strategy;

/**
 * A model an ml-signal bot asked for cannot be had: it was deleted, never existed, or its file no longer loads. The
 * kernel stops the bot in ERROR with this message.
 */
public final class ModelUnavailableException extends RuntimeException {
    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

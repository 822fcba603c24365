package dev.botfleet.dex.signer;

/**
 * The signer did not sign what was asked: it does not answer, refused, or returned another transaction. The message is
 * meant for the bot's owner (an order's rejection reason) and never holds a credential of the signer's URL.
 */
public class SignerException extends RuntimeException {
    public SignerException(String message) {
        super(message);
    }

    public SignerException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.botfleet.dex.siwe;

/** A message or signature refused, with the reason as a stable value and in plain words. */
public final class SiweException extends Exception {
    /** Why a sign-in message was refused. */
    public enum Reason {
        /** The text does not follow the EIP-4361 format; the message names the line. */
        MALFORMED,
        /** The message is for another site than the one it was sent to. */
        WRONG_DOMAIN,
        /** Its Expiration Time has passed. */
        EXPIRED,
        /** Its Not Before time has not come yet. */
        NOT_YET_VALID,
        /** The signature is not a 65-byte secp256k1 signature, or no public key can be recovered from it. */
        BAD_SIGNATURE,
        /** The signature is valid but was made by another address than the message names. */
        ADDRESS_MISMATCH
    }

    private final Reason reason;

    public SiweException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

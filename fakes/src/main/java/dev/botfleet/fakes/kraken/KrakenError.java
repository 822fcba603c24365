package dev.botfleet.fakes.kraken;

/** A refusal in Kraken's words, e.g. "EOrder:Insufficient funds", answered as HTTP {@code status}. */
final class KrakenError extends RuntimeException {
    final int status;

    KrakenError(String error) { this(200, error); }

    KrakenError(int status, String error) {
        super(error);
        this.status = status;
    }
}

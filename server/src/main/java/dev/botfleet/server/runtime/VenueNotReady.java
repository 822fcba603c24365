package dev.botfleet.server.runtime;

/**
 * A bot's venue cannot be used yet (its instrument list has not loaded, or it does not answer right now). A bot being
 * resumed waits and tries again; a user's start is refused with these words.
 */
class VenueNotReady extends RuntimeException {
    VenueNotReady(String message) {
        super(message, null, false, false);
    }
}

package dev.botfleet.exchanges.http;

import dev.botfleet.exchanges.VenueException;

/**
 * Told what every venue REST call did, so the server can count it (this module stays free of any metrics library).
 * Called on the calling thread: implementations must be quick and must not throw.
 */
public interface RestObserver {
    /**
     * One HTTP attempt ended: {@code error} is null when the venue answered with success, otherwise the kind of
     * failure (a transport failure is reported as the kind the caller sees, e.g. UNAVAILABLE).
     */
    void attempted(String venue, long nanos, VenueException.Kind error);

    /** A call waited before it was sent: {@code venueTold} when the venue asked for it (429, pause), else our own limiter. */
    void waited(String venue, long millis, boolean venueTold);

    RestObserver NONE = new RestObserver() {
        @Override
        public void attempted(String venue, long nanos, VenueException.Kind error) {
        }

        @Override
        public void waited(String venue, long millis, boolean venueTold) {
        }
    };
}

package dev.botfleet.exchanges.live;

/**
 * How a live port tells its bot that the venue is in trouble: a warning (the bot keeps running) or a failure it cannot
 * recover from by itself (the bot goes to ERROR with these words).
 */
public interface VenueAlarm {
    void warning(String message);

    void failed(String message);

    VenueAlarm NONE = new VenueAlarm() {
        @Override public void warning(String message) { }

        @Override public void failed(String message) { }
    };
}

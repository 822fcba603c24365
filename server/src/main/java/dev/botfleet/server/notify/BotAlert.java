package dev.botfleet.server.notify;

import java.util.UUID;

/**
 * Something about a bot its owner may want to hear of away from the dashboard (published as an application event,
 * inside the transaction of the change where there is one, so the notification is queued with it or not at all).
 */
public record BotAlert(UUID ownerId, UUID botId, Kind kind, String text) {
    public enum Kind { STARTED, STOPPED, ERROR, FILL }
}

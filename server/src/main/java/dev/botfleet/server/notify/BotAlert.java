package dev.botfleet.server.notify;

import java.util.Map;
import java.util.UUID;

/**
 * Something about a bot its owner may want to hear of away from the dashboard (published as an application event,
 * inside the transaction of the change where there is one, so the notification is queued with it or not at all).
 * {@code botId} is null for an account-wide alert (a risk event, the daily summary). {@code data} holds the event's
 * fields for machines (webhooks): exact numbers as strings; {@code text} says it in plain words.
 */
public record BotAlert(UUID ownerId, UUID botId, Kind kind, String text, Map<String, Object> data) {
    public enum Kind { STARTED, STOPPED, ERROR, FILL, DEAL_CLOSED, RISK, DAILY_SUMMARY }

    public BotAlert {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** An alert with no structured fields beyond its text. */
    public BotAlert(UUID ownerId, UUID botId, Kind kind, String text) {
        this(ownerId, botId, kind, text, Map.of());
    }
}

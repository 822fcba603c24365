package dev.botfleet.server.notify.webhook;

import dev.botfleet.server.notify.BotAlert;

/** The event types a webhook subscribes to (the names in the API and in {@code X-Botfleet-Event}). */
public enum WebhookEvent {
    BOT_STARTED, BOT_STOPPED, BOT_ERROR, FILL, DEAL_CLOSED, RISK, DAILY_SUMMARY;

    static WebhookEvent of(BotAlert.Kind kind) {
        return switch (kind) {
            case STARTED -> BOT_STARTED;
            case STOPPED -> BOT_STOPPED;
            case ERROR -> BOT_ERROR;
            case FILL -> FILL;
            case DEAL_CLOSED -> DEAL_CLOSED;
            case RISK -> RISK;
            case DAILY_SUMMARY -> DAILY_SUMMARY;
        };
    }
}

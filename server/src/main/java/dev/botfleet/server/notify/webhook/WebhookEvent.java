package dev.botfleet.server.notify.webhook;

import dev.botfleet.server.notify.BotAlert;

/** The event types a webhook subscribes to (the names in the API and in {@code X-Botfleet-Event}). */
public enum WebhookEvent {
    BOT_STARTED, BOT_STOPPED, BOT_ERROR, FILL;

    static WebhookEvent of(BotAlert.Kind kind) {
        return switch (kind) {
            case STARTED -> BOT_STARTED;
            case STOPPED -> BOT_STOPPED;
            case ERROR -> BOT_ERROR;
            case FILL -> FILL;
        };
    }
}

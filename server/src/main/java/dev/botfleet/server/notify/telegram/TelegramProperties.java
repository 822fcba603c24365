package dev.botfleet.server.notify.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code botfleet.telegram}: the platform's one Telegram bot. The token (BOTFLEET_TELEGRAM_TOKEN) is a secret: it is
 * only ever put in request URLs, never in a log line, an exception message or {@link #toString()}.
 */
@ConfigurationProperties("botfleet.telegram")
public record TelegramProperties(boolean enabled, String token, String apiBase, String botName, String mode,
                                 Duration pollTimeout, Duration perChatInterval, Duration linkCodeLifetime,
                                 int linkCodesPerHour, String webhookUrl) {
    public TelegramProperties {
        if (apiBase == null || apiBase.isBlank()) apiBase = "https://api.telegram.org";
        if (apiBase.endsWith("/")) apiBase = apiBase.substring(0, apiBase.length() - 1);
        if (mode == null || mode.isBlank()) mode = "polling";
        if (pollTimeout == null) pollTimeout = Duration.ofSeconds(30);
        if (perChatInterval == null) perChatInterval = Duration.ofSeconds(1);
        if (linkCodeLifetime == null) linkCodeLifetime = Duration.ofMinutes(10);
        if (linkCodesPerHour <= 0) linkCodesPerHour = 10;
        if (enabled && (token == null || token.isBlank())) {
            throw new IllegalStateException("botfleet.telegram.enabled is true but botfleet.telegram.token is not set");
        }
        if (enabled && !mode.equals("polling") && !mode.equals("webhook")) {
            throw new IllegalStateException("botfleet.telegram.mode must be 'polling' or 'webhook', not '" + mode + "'");
        }
        if (enabled && webhook() && (webhookUrl == null || !webhookUrl.matches("https?://\\S+"))) {
            throw new IllegalStateException("botfleet.telegram.mode is 'webhook' but botfleet.telegram.webhook-url is not "
                    + "an http(s) URL: set it to this server's public https://<host>/api/v1/telegram/webhook");
        }
    }

    /** Telegram POSTs updates to {@code webhook-url} instead of being long-polled. */
    public boolean webhook() {
        return "webhook".equals(mode);
    }

    @Override
    public String toString() {
        return "TelegramProperties[enabled=" + enabled + ", apiBase=" + apiBase + ", botName=" + botName + ", mode=" + mode
                + ", webhookUrl=" + webhookUrl + ", token=***]";
    }
}

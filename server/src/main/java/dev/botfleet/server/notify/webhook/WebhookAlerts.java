package dev.botfleet.server.notify.webhook;

import dev.botfleet.server.notify.AlertChannel;
import dev.botfleet.server.notify.AlertChoices;
import dev.botfleet.server.common.AfterCommit;
import dev.botfleet.server.notify.BotAlert;
import dev.botfleet.server.common.LazyBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a {@link BotAlert} into one outbox row per enabled webhook of the owner that subscribes to its type, if the
 * owner wants that kind from that bot on the webhook channel.
 * Synchronous on the caller's (bot's) thread, but only database work: the owner's webhooks (read at most once a second), the alert choices and the inserts. Nothing here
 * touches the network, so a slow or dead endpoint cannot slow a bot down.
 */
@Component
public class WebhookAlerts {
    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    /** Looked up once (the provider resolves it anew on every call, and alerts come per deal). */
    private final LazyBean<WebhookSender> sender;
    private final AlertChoices choices;

    public WebhookAlerts(Webhooks webhooks, WebhookDeliveries deliveries, JdbcClient jdbc, JsonMapper json, Clock clock,
                         ObjectProvider<WebhookSender> sender, AlertChoices choices) {
        this.choices = choices;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.sender = new LazyBean<>(sender);
    }

    @EventListener
    public void on(BotAlert alert) {
        WebhookEvent type = WebhookEvent.of(alert.kind());
        List<Webhooks.Webhook> targets = webhooks.forAlerts(alert.ownerId()).stream()
                .filter(w -> w.enabled() && w.events().contains(type)).toList();
        if (targets.isEmpty()) return;
        if (!choices.wanted(alert.ownerId(), AlertChannel.WEBHOOK, alert.kind(), alert.botId())) return;
        Instant now = clock.instant();
        String payload = payload(UUID.randomUUID(), type, now, alert);
        for (Webhooks.Webhook w : targets) deliveries.queue(w.id(), type, payload, now);
        wakeAfterCommit();
    }

    /** One event id for every endpoint it goes to; the body is fixed here so every retry sends the same bytes. */
    private String payload(UUID eventId, WebhookEvent type, Instant at, BotAlert alert) {
        String botName = jdbc.sql("SELECT name FROM bots WHERE id = :id").param("id", alert.botId())
                .query(String.class).optional().orElse(null);
        // the event's fields (docs/notifications.md lists them per type), then the plain-words text; clipped: an ERROR
        // reason can be a long exception text, and the row holds at most 8000 characters
        Map<String, Object> data = new LinkedHashMap<>();
        alert.data().forEach((k, v) -> data.put(k, v instanceof String s && s.length() > 1000 ? s.substring(0, 999) + "…" : v));
        data.put("text", alert.text().length() > 2000 ? alert.text().substring(0, 1999) + "…" : alert.text());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId.toString());
        body.put("type", type.name());
        body.put("occurredAt", at.toString());
        body.put("botId", alert.botId() == null ? null : alert.botId().toString());
        body.put("botName", botName);
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    private void wakeAfterCommit() {
        WebhookSender s = sender.getIfAvailable();
        if (s == null) return;
        AfterCommit.run(s::wake);
    }
}

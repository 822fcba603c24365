package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.notify.NotifierThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Webhook mode: registers {@code webhook-url} with setWebhook and a random secret_token (new at every start, kept only
 * in memory), and handles the updates the endpoint stored in the inbox on one thread, in update_id order. The endpoint
 * answers Telegram as soon as the update is stored, so a slow command never makes Telegram time out and retry.
 */
public class TelegramWebhook {
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final Duration KEEP = Duration.ofDays(1);

    private final TelegramApi api;
    private final TelegramInbox inbox;
    private final Consumer<JsonNode> handler;
    private final Clock clock;
    private final String url;
    private final byte[] secret;
    private final NotifierThread thread = new NotifierThread("telegram-webhook");
    private volatile boolean registered;

    public TelegramWebhook(TelegramApi api, TelegramInbox inbox, Consumer<JsonNode> handler, Clock clock,
                           TelegramProperties properties) {
        this.api = api;
        this.inbox = inbox;
        this.handler = handler;
        this.clock = clock;
        this.url = properties.webhookUrl();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        // base64url: the characters secret_token allows (A-Z a-z 0-9 _ -), 43 of the 256 allowed
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    }

    public void start() {
        thread.start(this::pass, e -> log.warn("Telegram webhook: {}", e.getMessage()), RETRY.toNanos());
    }

    public void stop() {
        thread.stop();
    }

    /** The header Telegram sends back, compared in constant time; false before setWebhook succeeded. */
    public boolean secretMatches(String header) {
        return registered && header != null
                && MessageDigest.isEqual(secret, header.getBytes(StandardCharsets.UTF_8));
    }

    /** Stores a received update; false for one already received (a retry). */
    public boolean receive(long updateId, String body) {
        boolean fresh = inbox.add(updateId, body, clock.instant());
        if (fresh) thread.wake();
        return fresh;
    }

    private long pass() {
        if (!registered) register();
        for (TelegramInbox.Update u : inbox.pending(50)) {
            if (!thread.running()) return 0;
            try {
                handler.accept(api.json().readTree(u.body()));
            } catch (RuntimeException e) {
                // one bad update must not block the others behind it forever
                log.warn("Telegram update {} could not be handled: {}", u.updateId(), e.toString());
            }
            inbox.handled(u.updateId(), clock.instant());
        }
        inbox.prune(clock.instant().minus(KEEP));
        return inbox.pending(1).isEmpty() ? IDLE.toNanos() : 0;
    }

    private void register() {
        var params = api.params().put("url", url).put("secret_token", new String(secret, StandardCharsets.US_ASCII));
        params.putArray("allowed_updates").add("message").add("callback_query");
        // secret_token is only written into the request body: never logged (a failure logs the method and description)
        api.call("setWebhook", params);
        registered = true;
        log.info("Telegram webhook set to {}", url);
    }
}

package dev.botfleet.server.notify.webhook;

import dev.botfleet.server.notify.NotifierThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.EmptyResultDataAccessException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Works through the outbox: one dispatcher thread picks due rows and POSTs each on a virtual thread. At most
 * {@code concurrency} requests are in flight and at most one per webhook, so a slow endpoint holds one slot and never
 * delays the others; each attempt is bounded by the connect and read timeouts. Redirects are not followed (a 3xx is
 * a failed attempt): the endpoint is the URL the user saved, nothing else.
 */
public class WebhookSender {
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookDeliveries deliveries;
    private final Webhooks webhooks;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final Semaphore slots;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final NotifierThread thread = new NotifierThread("webhook-send");

    public WebhookSender(WebhookDeliveries deliveries, Webhooks webhooks, WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
        this.slots = new Semaphore(properties.concurrency());
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Polling every {@code poll-interval} also picks up retries whose backoff has passed. */
    public void start() {
        long poll = properties.pollInterval().toNanos();
        thread.start(() -> {
            dispatch();
            return poll;
        }, e -> log.warn("Webhook sender: {}", e.getMessage()), poll);
    }

    public void stop() {
        thread.stop();
    }

    /** Something was queued or an attempt finished. */
    public void wake() {
        thread.wake();
    }

    /** Starts an attempt for every due row whose webhook is idle, while slots are free. */
    void dispatch() {
        for (WebhookDeliveries.Due due : deliveries.due(clock.instant(), 200)) {
            if (!thread.running()) return;
            if (inFlight.contains(due.webhookId())) continue;  // one at a time per endpoint, in order
            if (!slots.tryAcquire()) return;                     // the next wake-up continues
            inFlight.add(due.webhookId());
            Thread.ofVirtual().name("webhook-" + due.id()).start(() -> {
                try {
                    attempt(due);
                } catch (RuntimeException e) {
                    log.warn("Webhook delivery {}: {}", due.id(), e.getMessage());
                } finally {
                    inFlight.remove(due.webhookId());
                    slots.release();
                    wake();
                }
            });
        }
    }

    private void attempt(WebhookDeliveries.Due due) {
        String secret;
        try {
            secret = webhooks.secret(due.webhookId());
        } catch (EmptyResultDataAccessException deleted) {
            return;  // the webhook was deleted meanwhile; its rows went with it
        } catch (IllegalStateException undecryptable) {
            // wrong master key or a tampered row: retrying cannot help, and the row must not be picked up forever
            deliveries.attemptFailed(due.id(), null, "cannot decrypt the signing secret", null, clock.instant());
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.url())).timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "botfleet-webhooks")
                .header("X-Botfleet-Event", due.event())
                .header("X-Botfleet-Delivery", Long.toString(due.id()))
                .header("X-Botfleet-Timestamp", Long.toString(timestamp))
                .header("X-Botfleet-Signature", WebhookSigner.signature(secret, timestamp, due.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8)).build();
        Integer status = null;
        String error;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                deliveries.delivered(due.id(), status, clock.instant());
                return;
            }
            error = "HTTP " + status;
        } catch (HttpTimeoutException e) {
            error = "timed out";
        } catch (IOException e) {
            // the exception's class and message, never the URL's query (it may hold the receiver's token)
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;  // shutting down: the row stays due and is sent after a restart
        }
        int attempts = due.attempts() + 1;
        Instant now = clock.instant();
        Instant next = attempts >= properties.maxAttempts() ? null : now.plus(properties.backoffAfter(attempts));
        deliveries.attemptFailed(due.id(), status, error, next, now);
        log.info("Webhook {} delivery {} attempt {} failed ({}){}", due.webhookId(), due.id(), attempts, error,
                next == null ? ", giving up" : ", retrying at " + next);
    }
}

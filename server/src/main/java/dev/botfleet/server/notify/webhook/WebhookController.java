package dev.botfleet.server.notify.webhook;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The caller's outgoing webhooks and their delivery log. Another user's webhook is a 404, like a missing one. */
@RestController
@RequestMapping("/api/v1/webhooks")
public class WebhookController {
    public record View(UUID id, String url, Set<WebhookEvent> events, boolean enabled, java.time.Instant createdAt) {
        static View of(Webhooks.Webhook w) {
            return new View(w.id(), w.url(), w.events(), w.enabled(), w.createdAt());
        }
    }

    /** The one answer that carries the secret: the receiver needs it to verify signatures. */
    public record Created(UUID id, String url, Set<WebhookEvent> events, boolean enabled, java.time.Instant createdAt,
                          String secret) {
        @Override
        public String toString() {
            return "Created[id=" + id + ", secret=***]";
        }
    }

    private static final int LOG_ROWS = 100;
    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final WebhookProperties properties;
    private final Clock clock;

    public WebhookController(Webhooks webhooks, WebhookDeliveries deliveries, WebhookProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping
    @Transactional
    public ResponseEntity<Created> create(CurrentUser user, @RequestBody(required = false) Map<String, Object> body) {
        WebhookInput in = WebhookInput.of(body, true);
        if (webhooks.count(user.id()) >= properties.maxPerUser()) {
            throw new ApiException.Conflict("At most " + properties.maxPerUser() + " webhooks per user");
        }
        var w = new Webhooks.Webhook(UUID.randomUUID(), user.id(), in.url(), in.events(), in.enabled(),
                dev.botfleet.server.common.Times.now(clock));
        String secret = WebhookSigner.newSecret();
        webhooks.insert(w, secret);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Created(w.id(), w.url(), w.events(), w.enabled(), w.createdAt(), secret));
    }

    @GetMapping
    public List<View> list(CurrentUser user) {
        return webhooks.ofOwner(user.id()).stream().map(View::of).toList();
    }

    @GetMapping("/{id}")
    public View get(CurrentUser user, @PathVariable UUID id) {
        return View.of(owned(user, id));
    }

    /** Replaces url, events and enabled (all required); the secret stays. */
    @PutMapping("/{id}")
    @Transactional
    public View update(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) Map<String, Object> body) {
        owned(user, id);
        WebhookInput in = WebhookInput.of(body, null);
        webhooks.update(user.id(), id, in.url(), in.events(), in.enabled());
        return View.of(owned(user, id));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        if (!webhooks.delete(user.id(), id)) throw notFound();
        return ResponseEntity.noContent().build();
    }

    /** The newest deliveries first (at most 100). */
    @GetMapping("/{id}/deliveries")
    public List<WebhookDeliveries.Delivery> deliveries(CurrentUser user, @PathVariable UUID id) {
        owned(user, id);
        return deliveries.log(id, LOG_ROWS);
    }

    private Webhooks.Webhook owned(CurrentUser user, UUID id) {
        return webhooks.find(user.id(), id).orElseThrow(WebhookController::notFound);
    }

    private static ApiException.NotFound notFound() {
        return new ApiException.NotFound("No such webhook");
    }
}

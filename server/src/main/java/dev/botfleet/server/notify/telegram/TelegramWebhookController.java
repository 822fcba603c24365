package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.common.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where Telegram POSTs updates in webhook mode. It is public (no bearer token): the secret_token given to setWebhook,
 * sent back in {@code X-Telegram-Bot-Api-Secret-Token}, is what proves the caller is Telegram. 404 when the server is
 * not in webhook mode; 401 for a missing or wrong secret. A stored or already-seen update is a 200 at once.
 */
@RestController
public class TelegramWebhookController {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final int MAX_BODY = 1_000_000;

    private final ObjectProvider<TelegramWebhook> webhook;
    private final JsonMapper json;

    public TelegramWebhookController(ObjectProvider<TelegramWebhook> webhook, JsonMapper json) {
        this.webhook = webhook;
        this.json = json;
    }

    @PostMapping("/api/v1/telegram/webhook")
    public ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
                                        @RequestBody(required = false) String body) {
        TelegramWebhook hook = webhook.getIfAvailable();
        if (hook == null) throw new ApiException.NotFound("Telegram webhook mode is not enabled on this server");
        if (!hook.secretMatches(secret)) throw new ApiException.Unauthorized("Missing or wrong " + SECRET_HEADER);
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new ApiException.Invalid("body", "a Telegram Update (JSON object) is required", null);
        }
        JsonNode update;
        try {
            update = json.readTree(body);
        } catch (RuntimeException e) {
            throw new ApiException.Invalid("body", "is not JSON", null);
        }
        JsonNode id = update == null ? null : update.get("update_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            throw new ApiException.Invalid("update_id", "a whole number is required", null);
        }
        hook.receive(id.asLong(), body);
        return ResponseEntity.ok().build();
    }
}

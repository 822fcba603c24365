package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.notify.AlertChannel;
import dev.botfleet.server.notify.AlertChoices;
import dev.botfleet.server.notify.BotAlert;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The caller's Telegram link: a one-time code to connect a chat, the link itself, and the choice of alerts. */
@RestController
@RequestMapping("/api/v1/telegram")
public class TelegramController {
    public record LinkState(boolean enabled, boolean linked, String chatTitle, Instant linkedAt) {
    }

    private final TelegramLinking linking;
    private final TelegramLinks links;
    private final TelegramProperties properties;
    private final AlertChoices choices;

    public TelegramController(TelegramLinking linking, TelegramLinks links, TelegramProperties properties,
                              AlertChoices choices) {
        this.linking = linking;
        this.links = links;
        this.properties = properties;
        this.choices = choices;
    }

    @PostMapping("/link-code")
    public ResponseEntity<TelegramLinking.IssuedCode> linkCode(CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(linking.issue(user.id()));
    }

    @GetMapping
    public LinkState get(CurrentUser user) {
        return links.byUser(user.id()).map(l -> new LinkState(properties.enabled(), true, l.chatTitle(), l.linkedAt()))
                .orElse(new LinkState(properties.enabled(), false, null, null));
    }

    @DeleteMapping
    public ResponseEntity<Void> unlink(CurrentUser user) {
        links.unlinkUser(user.id());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/alerts")
    public TelegramLinks.AlertChoice alerts(CurrentUser user) {
        UUID u = user.id();
        return new TelegramLinks.AlertChoice(telegram(u, BotAlert.Kind.STARTED), telegram(u, BotAlert.Kind.STOPPED),
                telegram(u, BotAlert.Kind.ERROR), telegram(u, BotAlert.Kind.FILL));
    }

    private boolean telegram(UUID user, BotAlert.Kind kind) {
        return choices.wanted(user, AlertChannel.TELEGRAM, kind, null);
    }

    /** Every field is required (true or false): a missing one is a 400 naming it, never a silent default. */
    @PutMapping("/alerts")
    @Transactional
    public TelegramLinks.AlertChoice putAlerts(CurrentUser user, @RequestBody(required = false) Map<String, Object> body) {
        if (body == null) throw new ApiException.Invalid("body", "a JSON object is required", null);
        TelegramLinks.AlertChoice choice = new TelegramLinks.AlertChoice(flag(body, "started"), flag(body, "stopped"),
                flag(body, "errors"), flag(body, "fills"));
        // the telegram channel's defaults for all bots; per-bot overrides and the other kinds stay
        // (GET/PUT /api/v1/notifications/preferences sees and sets everything)
        Map<BotAlert.Kind, Boolean> defaults = new java.util.EnumMap<>(BotAlert.Kind.class);
        defaults.put(BotAlert.Kind.STARTED, choice.started());
        defaults.put(BotAlert.Kind.STOPPED, choice.stopped());
        defaults.put(BotAlert.Kind.ERROR, choice.errors());
        defaults.put(BotAlert.Kind.FILL, choice.fills());
        choices.replaceDefaults(user.id(), AlertChannel.TELEGRAM, defaults);
        return choice;
    }

    private static boolean flag(Map<String, Object> body, String field) {
        if (!(body.get(field) instanceof Boolean b)) throw new ApiException.Invalid(field, "must be true or false", body.get(field));
        return b;
    }
}

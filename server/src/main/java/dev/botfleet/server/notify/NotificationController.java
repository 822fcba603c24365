package dev.botfleet.server.notify;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.bot.BotRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The caller's choice of alerts per channel and kind (defaults for all bots, per-bot overrides) and the daily summary's
 * hour and time zone. PUT replaces everything: what it leaves out is back to the built-in default.
 */
@RestController
@RequestMapping("/api/v1/notifications")
public class NotificationController {
    public record BotOverride(UUID botId, String channel, BotAlert.Kind kind, boolean enabled) {
    }

    /**
     * @param defaults     channel → kind → wanted, for every channel and kind (the stored choice or the built-in default)
     * @param overrides    per-bot choices that differ from or pin the defaults
     * @param emailEnabled whether this server sends email at all ({@code botfleet.mail.enabled})
     */
    public record Preferences(Map<String, Map<BotAlert.Kind, Boolean>> defaults, List<BotOverride> overrides,
                              Integer dailySummaryHour, String timeZone, boolean emailEnabled) {
    }

    private final AlertChoices choices;
    private final NotificationSettings settings;
    private final BotRepository bots;
    private final boolean emailEnabled;

    public NotificationController(AlertChoices choices, NotificationSettings settings, BotRepository bots,
                                  @Value("${botfleet.mail.enabled:false}") boolean emailEnabled) {
        this.choices = choices;
        this.settings = settings;
        this.bots = bots;
        this.emailEnabled = emailEnabled;
    }

    @GetMapping("/preferences")
    public Preferences get(CurrentUser user) {
        return read(user.id());
    }

    @PutMapping("/preferences")
    @Transactional
    public Preferences put(CurrentUser user, @RequestBody(required = false) Map<String, Object> body) {
        PreferencesInput in = PreferencesInput.of(body, bot -> bots.find(user.id(), bot).isPresent());
        choices.replace(user.id(), in.choices());
        settings.save(user.id(), in.summaryHour(), in.timeZone());
        return read(user.id());
    }

    private Preferences read(UUID userId) {
        List<AlertChoices.Choice> stored = choices.of(userId);
        Map<String, Map<BotAlert.Kind, Boolean>> defaults = new LinkedHashMap<>();
        for (AlertChannel channel : AlertChannel.values()) {
            Map<BotAlert.Kind, Boolean> kinds = new LinkedHashMap<>();
            for (BotAlert.Kind kind : BotAlert.Kind.values()) kinds.put(kind, channel.onByDefault(kind));
            defaults.put(channel.key(), kinds);
        }
        List<BotOverride> overrides = new java.util.ArrayList<>();
        for (AlertChoices.Choice c : stored) {
            if (c.botId() == null) defaults.get(c.channel().key()).put(c.kind(), c.enabled());
            else overrides.add(new BotOverride(c.botId(), c.channel().key(), c.kind(), c.enabled()));
        }
        NotificationSettings.Settings s = settings.of(userId);
        return new Preferences(defaults, overrides, s.summaryHour(), s.timeZone().getId(), emailEnabled);
    }
}

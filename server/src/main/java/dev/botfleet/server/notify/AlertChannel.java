package dev.botfleet.server.notify;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where an alert can go. The API and the {@code alert_choices} table use the lower-case name. */
public enum AlertChannel {
    TELEGRAM(EnumSet.allOf(BotAlert.Kind.class)),
    // a mailbox is not a chat: starts, stops and single fills are off unless the user turns them on
    EMAIL(EnumSet.of(BotAlert.Kind.ERROR, BotAlert.Kind.DEAL_CLOSED, BotAlert.Kind.RISK, BotAlert.Kind.DAILY_SUMMARY)),
    // each webhook also chooses its own event types; the channel's default lets everything through to that choice
    WEBHOOK(EnumSet.allOf(BotAlert.Kind.class));

    private final Set<BotAlert.Kind> onByDefault;

    AlertChannel(Set<BotAlert.Kind> onByDefault) {
        this.onByDefault = onByDefault;
    }

    /** Whether the kind is wanted when the user chose nothing for it. */
    public boolean onByDefault(BotAlert.Kind kind) {
        return onByDefault.contains(kind);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertChannel> of(String key) {
        for (AlertChannel c : values()) if (c.key().equals(key)) return Optional.of(c);
        return Optional.empty();
    }
}

package dev.botfleet.server.notify;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/**
 * The {@code alert_choices} table: per user, channel and kind, a default for all bots (bot null) and per-bot
 * overrides. Telegram, email and webhooks all ask {@link #wanted} before they queue anything.
 */
@Repository
public class AlertChoices {
    /** One stored choice; {@code botId} null is the default for all bots. */
    public record Choice(AlertChannel channel, BotAlert.Kind kind, UUID botId, boolean enabled) {
    }

    private final JdbcClient jdbc;

    public AlertChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bot's override if there is one, else the user's default, else the channel's built-in default. */
    public boolean wanted(UUID userId, AlertChannel channel, BotAlert.Kind kind, UUID botId) {
        Boolean byDefault = null;
        Boolean forBot = null;
        for (var row : jdbc.sql("""
                        SELECT bot_id, enabled FROM alert_choices
                        WHERE user_id = :u AND channel = :c AND kind = :k AND (bot_id IS NULL OR bot_id = :b)""")
                .param("u", userId).param("c", channel.key()).param("k", kind.name()).param("b", botId)
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getBoolean(2)}).list()) {
            if (row[0] == null) byDefault = (Boolean) row[1];
            else forBot = (Boolean) row[1];
        }
        if (forBot != null) return forBot;
        if (byDefault != null) return byDefault;
        return channel.onByDefault(kind);
    }

    public List<Choice> of(UUID userId) {
        return jdbc.sql("SELECT channel, kind, bot_id, enabled FROM alert_choices WHERE user_id = :u ORDER BY id")
                .param("u", userId)
                .query((rs, n) -> new Choice(AlertChannel.of(rs.getString(1)).orElseThrow(),
                        BotAlert.Kind.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), rs.getBoolean(4)))
                .list();
    }

    /** Replaces every choice of the user (in the caller's transaction). */
    public void replace(UUID userId, List<Choice> choices) {
        jdbc.sql("DELETE FROM alert_choices WHERE user_id = :u").param("u", userId).update();
        choices.forEach(c -> insert(userId, c));
    }

    /** Replaces the user's defaults for these kinds on one channel, keeping everything else. */
    public void replaceDefaults(UUID userId, AlertChannel channel, java.util.Map<BotAlert.Kind, Boolean> defaults) {
        defaults.forEach((kind, enabled) -> {
            jdbc.sql("DELETE FROM alert_choices WHERE user_id = :u AND channel = :c AND kind = :k AND bot_id IS NULL")
                    .param("u", userId).param("c", channel.key()).param("k", kind.name()).update();
            insert(userId, new Choice(channel, kind, null, enabled));
        });
    }

    private void insert(UUID userId, Choice c) {
        jdbc.sql("INSERT INTO alert_choices (user_id, channel, kind, bot_id, enabled) VALUES (:u, :c, :k, :b, :e)")
                .param("u", userId).param("c", c.channel().key()).param("k", c.kind().name()).param("b", c.botId())
                .param("e", c.enabled()).update();
    }
}

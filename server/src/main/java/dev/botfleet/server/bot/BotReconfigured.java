package dev.botfleet.server.bot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A running bot took new values (PUT on an ACTIVE bot), published after the change is stored; the event stream pushes
 * it as {@code bot.reconfigured}.
 *
 * @param changes what changed, in the order the strategy lists its parameters (the name first, if it changed)
 */
public record BotReconfigured(UUID ownerId, UUID botId, String name, List<Change> changes, Instant at) {
    public BotReconfigured {
        changes = List.copyOf(changes);
    }

    /** One field: {@code orderAmount}, {@code "0.001"} → {@code "0.002"} (values as stored, null when unset). */
    public record Change(String field, String from, String to) {
        @Override
        public String toString() {
            return field + " " + from + " → " + to;
        }
    }
}

package dev.botfleet.server.stream;

import dev.botfleet.server.bot.BotReconfigured;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Map;

/**
 * Pushes {@code bot.reconfigured} to the owner's stream sessions once a running bot's new config is committed:
 * {@code {"botId", "name", "changes": [{"field", "from", "to"}], "at"}}.
 */
@Component
class ReconfiguredEvents {
    private final EventStream stream;

    ReconfiguredEvents(EventStream stream) {
        this.stream = stream;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(BotReconfigured e) {
        stream.publish(e.ownerId(), "bot.reconfigured", Map.of("botId", e.botId(), "name", e.name(),
                "changes", e.changes(), "at", e.at()));
    }
}

package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.notify.NotifierThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Long polling on one thread: getUpdates from the stored offset; after each update is handled the offset moves past
 * it and is stored, so a restart neither loses nor re-handles an update (at most the one being handled at a crash).
 */
public class TelegramPoller {
    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    private static final Duration BACKOFF = Duration.ofSeconds(5);

    private final TelegramApi api;
    private final TelegramOutbox state;
    private final Consumer<JsonNode> handler;
    private final long timeoutSeconds;
    private final NotifierThread thread = NotifierThread.interruptible("telegram-poll");  // getUpdates is a long poll
    private long offset;

    public TelegramPoller(TelegramApi api, TelegramOutbox state, Consumer<JsonNode> handler, TelegramProperties properties) {
        this.api = api;
        this.state = state;
        this.handler = handler;
        this.timeoutSeconds = properties.pollTimeout().toSeconds();
    }

    /** Each pass is one long poll (it waits up to {@code poll-timeout} for updates), then the next one at once. */
    public void start() {
        offset = state.offset().orElse(0L);
        thread.start(this::pollOnce, e -> log.warn("Telegram polling: {}", e.getMessage()), BACKOFF.toNanos());
    }

    public void stop() {
        thread.stop();
    }

    private long pollOnce() {
        var params = api.params().put("offset", offset).put("timeout", timeoutSeconds);
        params.putArray("allowed_updates").add("message").add("callback_query");
        for (JsonNode update : api.call("getUpdates", params)) {
            long id = update.path("update_id").asLong();
            try {
                handler.accept(update);
            } catch (RuntimeException e) {
                // one bad update must not block the others behind it forever
                log.warn("Telegram update {} could not be handled: {}", id, e.toString());
            }
            offset = id + 1;
            state.saveOffset(offset);
        }
        return 0;
    }
}

package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.notify.NotifierThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delivers the outbox on one thread, in queue order per chat: at most one message per chat per
 * {@code per-chat-interval} (Telegram's ~1 msg/s), and after a 429 nothing more to that chat before its
 * {@code retry_after}. A message is marked sent after Telegram accepted it, so a restart re-sends only what was never
 * acknowledged.
 */
public class TelegramSendQueue {
    private static final Logger log = LoggerFactory.getLogger(TelegramSendQueue.class);
    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Duration NETWORK_BACKOFF = Duration.ofSeconds(5);

    private final TelegramApi api;
    private final TelegramOutbox outbox;
    private final Clock clock;
    private final long perChatNanos;
    private final Map<Long, Long> chatReadyAt = new HashMap<>();
    private final NotifierThread thread = new NotifierThread("telegram-send");

    public TelegramSendQueue(TelegramApi api, TelegramOutbox outbox, Clock clock, TelegramProperties properties) {
        this.api = api;
        this.outbox = outbox;
        this.clock = clock;
        this.perChatNanos = properties.perChatInterval().toNanos();
    }

    public void start() {
        thread.start(this::deliver, e -> log.warn("Telegram send queue: {}", e.getMessage()), NETWORK_BACKOFF.toNanos());
    }

    public void stop() {
        thread.stop();
    }

    /** Something was queued (called after its transaction committed). */
    public void wake() {
        thread.wake();
    }

    /** One pass over the pending messages; answers how long to wait before the next pass. */
    long deliver() {
        List<TelegramOutbox.Message> pending = outbox.pending(100);
        long wait = IDLE.toNanos();
        Set<Long> heldBack = new HashSet<>();
        for (TelegramOutbox.Message m : pending) {
            if (!thread.running()) break;
            if (heldBack.contains(m.chatId())) continue;  // keeps a chat's messages in order
            long now = System.nanoTime();
            Long readyAt = chatReadyAt.get(m.chatId());
            if (readyAt != null && readyAt - now > 0) {
                heldBack.add(m.chatId());
                wait = Math.min(wait, readyAt - now);
                continue;
            }
            try {
                var params = api.params().put("chat_id", m.chatId()).put("text", m.text());
                if (m.replyMarkup() != null) params.set("reply_markup", api.json().readTree(m.replyMarkup()));
                api.call("sendMessage", params);
                outbox.markSent(m.id(), clock.instant());
                chatReadyAt.put(m.chatId(), System.nanoTime() + perChatNanos);
                wait = Math.min(wait, perChatNanos);
            } catch (TelegramApiException e) {
                if (e.errorCode() == 429) {
                    long retry = Duration.ofSeconds(Math.max(1, e.retryAfterSeconds())).toNanos();
                    chatReadyAt.put(m.chatId(), System.nanoTime() + retry);
                    outbox.attempted(m.id());
                    heldBack.add(m.chatId());
                    wait = Math.min(wait, retry);
                    log.info("Telegram asked to wait {} s before sending to a chat again", e.retryAfterSeconds());
                } else if (e.permanent()) {
                    outbox.markFailed(m.id(), e.getMessage());
                    log.warn("Telegram refused message {}: {}", m.id(), e.getMessage());
                } else {
                    outbox.attempted(m.id());
                    log.warn("Telegram send failed, retrying: {}", e.getMessage());
                    return NETWORK_BACKOFF.toNanos();
                }
            }
        }
        return wait;
    }
}

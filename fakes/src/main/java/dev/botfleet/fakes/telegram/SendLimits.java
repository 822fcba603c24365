package dev.botfleet.fakes.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's documented send limits: about one message per second in a chat and about 30 per second overall. A send
 * over a limit is answered 429 with {@code retry_after}; a retry before that time has passed is counted as a
 * violation, so a test can assert that a client honours the answer.
 */
final class SendLimits {
    private final Map<Long, Deque<Long>> perChat = new HashMap<>();
    private final Deque<Long> global = new ArrayDeque<>();
    private final Map<Long, Long> blockedUntil = new HashMap<>();
    private int perChatCount = 1;
    private long perChatWindowNanos = 1_000_000_000L;
    private int globalCount = 30;
    private int forced;
    private int forcedRetryAfter = 1;
    private int throttled;
    private int earlyRetries;

    synchronized void perChat(int count, long windowMillis) {
        perChatCount = count;
        perChatWindowNanos = windowMillis * 1_000_000L;
    }

    synchronized void global(int countPerSecond) { globalCount = countPerSecond; }

    /** The next {@code count} sends are refused with 429 and this retry_after, whatever the rate. */
    synchronized void throttleNext(int count, int retryAfterSeconds) {
        forced = count;
        forcedRetryAfter = retryAfterSeconds;
    }

    /** Seconds to wait (the 429's retry_after), or 0 when this send may go through (and is then counted). */
    synchronized int admit(long chatId) {
        long now = System.nanoTime();
        Long until = blockedUntil.get(chatId);
        if (until != null && now < until) {
            earlyRetries++;
            throttled++;
            return secondsUntil(until, now);
        }
        if (forced > 0) {
            forced--;
            return block(chatId, now, forcedRetryAfter);
        }
        Deque<Long> chat = perChat.computeIfAbsent(chatId, c -> new ArrayDeque<>());
        prune(chat, now, perChatWindowNanos);
        prune(global, now, 1_000_000_000L);
        if (chat.size() >= perChatCount) return block(chatId, now, secondsUntil(chat.peekFirst() + perChatWindowNanos, now));
        if (global.size() >= globalCount) return block(chatId, now, secondsUntil(global.peekFirst() + 1_000_000_000L, now));
        chat.addLast(now);
        global.addLast(now);
        return 0;
    }

    synchronized int throttled() { return throttled; }

    synchronized int earlyRetries() { return earlyRetries; }

    private int block(long chatId, long now, int seconds) {
        throttled++;
        blockedUntil.put(chatId, now + seconds * 1_000_000_000L);
        return seconds;
    }

    private static int secondsUntil(long until, long now) {
        return (int) Math.max(1, (until - now + 999_999_999L) / 1_000_000_000L);
    }

    private static void prune(Deque<Long> times, long now, long window) {
        while (!times.isEmpty() && times.peekFirst() <= now - window) times.removeFirst();
    }
}

package dev.botfleet.server.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a client of the event stream receives, one message at a time: a frame holds one message or
 * {@code {"type":"batch","data":[...]}} of several (docs/api.md), and batches are unpacked here so tests see messages.
 * {@code closed} completes with the close code.
 */
public final class StreamReceiver implements WebSocket.Listener {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    public volatile String reason;
    private final StringBuilder partial = new StringBuilder();
    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode frame = JSON.readTree(partial.toString());
            if (frame.get("type").asString().equals("batch")) {
                for (JsonNode message : frame.get("data")) messages.add(message.toString());
            } else {
                messages.add(partial.toString());
            }
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        this.reason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** The first message, among those read by earlier calls or arriving within {@code deadline}, that is wanted. */
    public JsonNode next(Predicate<JsonNode> wanted, Duration deadline) throws InterruptedException {
        for (JsonNode m : seen) if (wanted.test(m)) return m;
        long until = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < until) {
            String text = messages.poll(100, TimeUnit.MILLISECONDS);
            if (text == null) continue;
            JsonNode m = JSON.readTree(text);
            seen.add(m);
            if (wanted.test(m)) return m;
        }
        throw new AssertionError("no wanted message within " + deadline + "; saw " + seen.size() + ": "
                + seen.stream().limit(20).toList());
    }
}

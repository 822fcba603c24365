package dev.botfleet.fakes.binance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A bare JDK WebSocket client for the fake's tests: collects text frames and waits for one that matches. */
final class RawWs implements AutoCloseable {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    RawWs(String url) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).join();
    }

    void send(String text) { socket.sendText(text, true).join(); }

    /** The first message (in arrival order) matching, waiting up to {@code seconds}; earlier ones are dropped. */
    String await(Predicate<String> matching, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            String next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) throw new AssertionError("no matching message within " + seconds + " s");
            if (matching.test(next)) return next;
        }
    }

    /** Everything received so far, and forgets it. */
    java.util.List<String> drain() {
        java.util.List<String> all = new java.util.ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() { socket.abort(); }
}

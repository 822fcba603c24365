package dev.botfleet.server.notify.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/** A real HTTP endpoint on a loopback port: records every request per path and answers scripted status codes. */
public final class WebhookReceiver implements AutoCloseable {
    public record Received(String path, Map<String, String> headers, String body, int answered) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final List<String> arrived = new CopyOnWriteArrayList<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            String path = exchange.getRequestURI().getPath();
            arrived.add(path);
            CountDownLatch hold = holds.get(path);
            if (hold != null) {
                try {
                    hold.await();  // a hanging endpoint, until the test releases it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Deque<Integer> script = scripts.get(path);
            Integer next = script == null ? null : script.pollFirst();
            int status = next == null ? 200 : next;
            received.add(new Received(path, headers, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The next requests to {@code path} are answered with these codes, then 200. */
    public void answer(String path, Integer... statuses) {
        scripts.put(path, new ArrayDeque<>(List.of(statuses)));
    }

    /** Requests to {@code path} hang (no answer) until {@link #release}. */
    void hold(String path) {
        holds.put(path, new CountDownLatch(1));
    }

    void release(String path) {
        CountDownLatch latch = holds.remove(path);
        if (latch != null) latch.countDown();
    }

    /** Requests that reached {@code path}, answered or still hanging. */
    long arrivedAt(String path) {
        return arrived.stream().filter(path::equals).count();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        holds.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}

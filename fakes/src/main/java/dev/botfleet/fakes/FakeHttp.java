package dev.botfleet.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** A small HTTP server on a loopback port for a fake venue's REST API (and its /_fake control API). */
public final class FakeHttp implements AutoCloseable {

    /** {@code remote} is the caller's address (null when a test builds a request by hand). */
    public record Request(String method, String path, String rawQuery, Map<String, String> headers, String body,
                          InetAddress remote) {
        public Request(String method, String path, String rawQuery, Map<String, String> headers, String body) {
            this(method, path, rawQuery, headers, body, null);
        }

        /** A header by case-insensitive name, or null. */
        public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

        /** Query parameters, decoded, in order (the last wins for repeats). */
        public Map<String, String> query() { return decodeForm(rawQuery); }
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public static Response json(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json"), body);
        }

        public Response with(String header, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(header, value);
            return new Response(status, h, body);
        }
    }

    /** Answer with nothing: the connection is closed as if the answer got lost on the way. */
    public static final Response DROP = new Response(-1, Map.of(), "");

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    /** Routes for paths with an id in them ("GET /orders/historical/" + id), longest prefix first. */
    private final java.util.List<Map.Entry<String, Handler>> prefixRoutes = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FakeHttp(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    public FakeHttp route(String method, String path, Handler handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    /** A route for every path under {@code prefix} (e.g. "/products/" for "/products/BTC-USD/candles"). */
    public FakeHttp routePrefix(String method, String prefix, Handler handler) {
        prefixRoutes.add(Map.entry(method + " " + prefix, handler));
        prefixRoutes.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        return this;
    }

    public int port() { return server.getAddress().getPort(); }

    public String baseUrl() { return "http://127.0.0.1:" + port(); }

    @Override
    public void close() { server.stop(0); }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath();
            Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    headers, body, exchange.getRemoteAddress().getAddress());
            Handler handler = routes.get(request.method() + " " + path);
            for (int i = 0; handler == null && i < prefixRoutes.size(); i++) {
                if ((request.method() + " " + path).startsWith(prefixRoutes.get(i).getKey())) handler = prefixRoutes.get(i).getValue();
            }
            Response response;
            try {
                response = handler == null ? Response.json(404, "{\"error\":\"no such path\"}") : handler.handle(request);
            } catch (Exception e) {
                response = Response.json(500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
            }
            if (response == DROP) {
                // Closing the exchange before any status line closes the connection: the client's answer is lost.
                return;
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** Decodes {@code a=1&b=x%20y} into a map, in order. */
    public static Map<String, String> decodeForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}

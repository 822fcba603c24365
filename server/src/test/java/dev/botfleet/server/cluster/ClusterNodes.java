package dev.botfleet.server.cluster;

import dev.botfleet.server.BotfleetApplication;
import dev.botfleet.server.runtime.TradingRuntime;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real cluster nodes in this JVM: each a whole botfleet server (its own Spring context, HTTP port, Pekko node on a
 * loopback port), all on one fresh PostgreSQL schema. Node 0 starts first (it is the first seed, forms the cluster and
 * migrates the schema), then the others join.
 */
final class ClusterNodes implements AutoCloseable {
    static final String PG_URL = System.getenv().getOrDefault("BOTFLEET_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getenv().getOrDefault("BOTFLEET_TEST_PG_USER", "postgres");
    static final String PG_PASSWORD = System.getenv().getOrDefault("BOTFLEET_TEST_PG_PASSWORD", "");

    /** One node: its context, HTTP port, runtime. */
    record Node(ConfigurableApplicationContext context, int port) {
        TradingRuntime runtime() {
            return context.getBean(TradingRuntime.class);
        }

        ClusterNode cluster() {
            return context.getBean(ClusterNode.class);
        }
    }

    /** An HTTP answer: status and JSON body (null when empty). */
    record Answer(int status, JsonNode body) {
    }

    final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    final List<Node> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    ClusterNodes(int count, Map<String, String> extra) throws Exception {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < count; i++) ports.add(freePort());
        String seeds = String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
        // every node must sign and check tokens, and decrypt credentials, with the same keys (docs/cluster.md)
        String jwtSecret = randomKey();
        String masterKey = randomKey();
        for (int i = 0; i < count; i++) {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("spring.datasource.url", PG_URL + "?currentSchema=" + schema);
            props.put("spring.datasource.username", PG_USER);
            props.put("spring.datasource.password", PG_PASSWORD);
            props.put("server.port", "0");
            props.put("botfleet.data-dir", "target/test-data/" + schema + "/node-" + i);
            props.put("botfleet.sim.tick-interval", "50ms");
            props.put("botfleet.password.bcrypt-strength", "4");
            props.put("botfleet.jwt.secret", jwtSecret);
            props.put("botfleet.master-key", masterKey);
            props.put("botfleet.cluster.enabled", "true");
            props.put("botfleet.cluster.port", String.valueOf(ports.get(i)));
            props.put("botfleet.cluster.seed-nodes", seeds);
            props.put("botfleet.cluster.stable-after", "1s");
            props.put("botfleet.cluster.sweep-interval", "1s");
            props.putAll(extra);
            // as command-line arguments: they win over application.yml (builder properties would be mere defaults)
            String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(BotfleetApplication.class).run(args);
            nodes.add(new Node(context, ((WebServerApplicationContext) context).getWebServer().getPort()));
        }
    }

    Node node(int i) {
        return nodes.get(i);
    }

    String register(Node node, String email) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"correct-horse-9\"}";
        call(node, "POST", "/api/v1/auth/register", null, body);
        return call(node, "POST", "/api/v1/auth/login", null, body).body().get("token").asString();
    }

    Answer call(Node node, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? null : json.readTree(response.body()));
    }

    /** Stops the nodes in reverse order (each leaves the cluster cleanly) and drops the schema. */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).context().close();
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (Exception e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

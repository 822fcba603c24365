package dev.botfleet.server.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers shared by the API tests. Subclasses are run twice, once per database (see {@link OnH2} and
 * {@link OnPostgres}). Every test registers its own users, so tests never depend on each other's rows.
 */
public abstract class ApiTestBase {
    /** How long {@link #await} waits for a condition before it fails the test. */
    protected static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(90);

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected MutableClock clock;
    @Autowired
    private dev.botfleet.server.bot.BotDirectory botDirectory;
    @Autowired
    private dev.botfleet.server.user.TokenStates tokenStates;

    /**
     * A bot's row was changed by hand (SQL in a test): tells the bot directory, as every write of the server does
     * (bot.BotDirectory), so the API's reads show it.
     *
     * @param ownerId the owner, needed for a bot inserted by hand (null otherwise)
     */
    protected void botRowChanged(UUID ownerId, UUID botId) {
        botDirectory.changed(ownerId, botId);
    }

    protected void botRowChanged(UUID botId) {
        botRowChanged(null, botId);
    }

    /** An account's row was changed or deleted by hand (SQL in a test): tells user.TokenStates, as the server's writes do. */
    protected void userRowChanged(UUID userId) {
        tokenStates.changed(userId);
    }

    /** A logged-in user. */
    public record Session(UUID id, String email, String password, String token) {
    }

    /** An answer: status, parsed JSON body (null when empty) and the raw response for headers. */
    public record Answer(int status, JsonNode body, MockHttpServletResponse raw) {
        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asString();
        }

        public String contentType() {
            return raw.getContentType();
        }

        /** The "field" of every entry of a validation problem's errors list. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            if (body != null && body.get("errors") != null) body.get("errors").forEach(e -> fields.add(e.get("field").asString()));
            return fields;
        }
    }

    protected static String uniqueEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    /** Each login comes from its own address so the per-address throttle never links unrelated tests. */
    protected static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    protected Session newUser() {
        String email = uniqueEmail();
        String password = "correct-horse-9";
        Answer registered = post("/api/v1/auth/register", null, Map.of("email", email, "password", password));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Answer login = login(email, password, nextAddress());
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new Session(UUID.fromString(registered.body().get("id").asString()), email, password,
                login.body().get("token").asString());
    }

    protected Answer login(String email, String password, String address) {
        return send(MockMvcRequestBuilders.post("/api/v1/auth/login").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }), null, Map.of("email", email, "password", password));
    }

    protected Answer get(String path, Session user) {
        return send(MockMvcRequestBuilders.get(path), user, null);
    }

    protected Answer post(String path, Session user, Object body) {
        return send(MockMvcRequestBuilders.post(path), user, body);
    }

    protected Answer put(String path, Session user, Object body) {
        return send(MockMvcRequestBuilders.put(path), user, body);
    }

    protected Answer delete(String path, Session user) {
        return send(MockMvcRequestBuilders.delete(path), user, null);
    }

    protected Answer delete(String path, Session user, Object body) {
        return send(MockMvcRequestBuilders.delete(path), user, body);
    }

    /** A registration from a chosen client address (the per-address sign-up limit counts by it). */
    protected Answer register(String email, String password, String address) {
        return send(MockMvcRequestBuilders.post("/api/v1/auth/register").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }), null, Map.of("email", email, "password", password));
    }

    protected Answer request(HttpMethod method, String path, String bearer, String rawBody) {
        MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(method, path);
        if (bearer != null) builder.header("Authorization", bearer);
        if (rawBody != null) builder.contentType(MediaType.APPLICATION_JSON).content(rawBody);
        return perform(builder);
    }

    /** {@code body} is a Map/record serialized to JSON, or a String sent as is (for malformed JSON). */
    protected Answer send(MockHttpServletRequestBuilder builder, Session user, Object body) {
        if (user != null) builder.header("Authorization", "Bearer " + user.token());
        if (body != null) {
            builder.contentType(MediaType.APPLICATION_JSON)
                    .content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        return perform(builder);
    }

    private Answer perform(MockHttpServletRequestBuilder builder) {
        // MockMvc's default peer is 127.0.0.1 for every request; the API tests share one context per database, so
        // unrelated tests must not add up against the per-address sign-up and login limits. A test that cares about
        // the address sets it (login, register), and that one is kept.
        builder.with(r -> {
            if ("127.0.0.1".equals(r.getRemoteAddr())) r.setRemoteAddr(nextAddress());
            return r;
        });
        try {
            MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
            String text = response.getContentAsString(StandardCharsets.UTF_8);
            JsonNode node = text.isBlank() ? null : json.readTree(text);
            return new Answer(response.getStatus(), node, response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts a problem+json answer with this status and code. */
    protected static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).as(String.valueOf(answer.body())).isEqualTo(code);
        assertThat(answer.body().get("detail").asString()).isNotBlank();
    }

    /** Polls until the condition holds; fails with the last value seen after the deadline. */
    protected static <T> T await(String what, java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        return await(what, DEADLINE, read, done);
    }

    /** {@link #await(String, java.util.function.Supplier, java.util.function.Predicate)} with its own deadline. */
    protected static <T> T await(String what, java.time.Duration within, java.util.function.Supplier<T> read,
                                 java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + what + "; last: " + value);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = read.get();
        }
        return value;
    }

    /** Polls a backtest run (GET /api/v1/backtests/{id}) until it is DONE or FAILED; answers its last read. */
    protected Answer awaitBacktestFinished(Session user, String id) {
        // A walk-forward over all the candles runs many backtests: more time than one bot action.
        return await("backtest " + id + " finished", java.time.Duration.ofSeconds(180), () -> get("/api/v1/backtests/" + id, user), a -> {
            String status = a.body().get("status").asString();
            return status.equals("DONE") || status.equals("FAILED");
        });
    }
}

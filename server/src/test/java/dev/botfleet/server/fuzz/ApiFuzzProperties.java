package dev.botfleet.server.fuzz;

import dev.botfleet.server.support.TestClockConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestContextManager;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every operation of the running server's OpenAPI document (/v3/api-docs, so a new endpoint is covered without
 * touching this class) with random and malformed input: path ids that exist, do not exist or are not ids at all
 * (huge, unicode, empty, invalid percent-escapes), declared and undeclared query parameters with values of the wrong
 * type, and request bodies that are malformed, of the wrong JSON type per field, null, missing or extra fields, huge
 * numbers, deep nesting, unicode or sent with the wrong Content-Type; with a valid bearer token, without one and with
 * garbage ones. Every request goes over a raw socket to a real Tomcat so nothing in between normalises it.
 * <p>
 * Asserted for every answer: never a 5xx; every 4xx is {@code application/problem+json} with a {@code code} and the
 * security headers. A failure prints the request (method, target, headers, body) and jqwik's seed.
 */
class ApiFuzzProperties {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct-horse-9";
    private static final String SCALPER_CONFIG = "{\"quantity\":\"0.001\",\"buyPrice\":\"60000\",\"sellPrice\":\"61000\"}";
    private static final AtomicInteger EMAILS = new AtomicInteger();

    /** Holds the Spring Boot test configuration; jqwik is not a JUnit Jupiter engine, so the context is loaded by hand. */
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4", "botfleet.sim.tick-interval=50ms",
            // the fixture's user is registered again when a fuzzed call deletes it; the limit is tested elsewhere
            "botfleet.registration.max-per-address=100000",
            "spring.datasource.url=jdbc:h2:mem:botfleet-fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
    @Import(TestClockConfig.class)
    static class Server {
        /**
         * Binance is a local fake, so key checks get the venue's real refusals (a 400); an unreachable venue would answer
         * a legitimate 502, which is not what this test is about. Bybit stays off.
         */
        static final dev.botfleet.fakes.binance.FakeBinance BINANCE = new dev.botfleet.fakes.binance.FakeBinance();

        @org.springframework.test.context.DynamicPropertySource
        static void venues(org.springframework.test.context.DynamicPropertyRegistry registry) {
            for (String prefix : List.of("botfleet.venues.binance.", "botfleet.venues.binance.testnet.")) {
                registry.add(prefix + "rest", BINANCE::restUrl);
                registry.add(prefix + "market-stream", BINANCE::marketStreamUrl);
                registry.add(prefix + "user-stream", BINANCE::userStreamUrl);
            }
            registry.add("botfleet.venues.bybit.enabled", () -> "false");
        }
    }

    static int port;
    static Fixture fixture;
    static List<Operation> operations;

    /** The ids and tokens the fuzzed requests refer to by placeholder; refreshed when a request deletes one. */
    static final class Fixture {
        volatile String email;
        volatile String token;
        volatile String bot;
        volatile String credential;
        volatile String backtest;
        volatile String strategy = "scalper";
        volatile String dataset = "none";

        String resolve(String text) {
            return text.replace("{{token}}", token).replace("{{bot}}", bot).replace("{{credential}}", credential)
                    .replace("{{backtest}}", backtest).replace("{{strategy}}", strategy).replace("{{dataset}}", dataset)
                    .replace("{{tamperedToken}}", tamper(token));
        }

        private static String tamper(String token) {
            char last = token.charAt(token.length() - 1);
            return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        }
    }

    /** A request as sent; placeholders ({{bot}}, {{token}}...) are resolved at send time. */
    record Call(Operation operation, String target, List<String> headers, String body, byte[] rawBody) {
        @Override
        public String toString() {
            String b = rawBody != null ? "<bytes " + new String(rawBody, StandardCharsets.ISO_8859_1) + ">"
                    : body == null ? "<no body>" : body.length() > 400 ? body.substring(0, 400) + "...(" + body.length() + " chars)" : body;
            return operation.method() + " " + target + " " + headers + " " + b;
        }
    }

    @BeforeContainer
    static void startServer() throws Exception {
        ApplicationContext context = new TestContextManager(Server.class).getTestContext().getApplicationContext();
        port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        fixture = new Fixture();
        login();
        fixture.bot = createBot();
        fixture.credential = createCredential();
        JsonNode strategies = JSON.readTree(call("GET", "/api/v1/strategies", fixture.token, null).body());
        if (strategies.isArray() && !strategies.isEmpty() && strategies.get(0).get("id") != null) {
            fixture.strategy = strategies.get(0).get("id").asString();
        }
        JsonNode datasets = JSON.readTree(call("GET", "/api/v1/backtests/datasets", fixture.token, null).body());
        if (datasets.isArray() && !datasets.isEmpty()) fixture.dataset = datasets.get(0).get("id").asString();
        RawHttp.Reply backtest = call("POST", "/api/v1/backtests", fixture.token,
                "{\"strategy\":\"" + fixture.strategy + "\",\"dataset\":\"" + fixture.dataset + "\"}");
        fixture.backtest = backtest.status() == 202 ? JSON.readTree(backtest.body()).get("id").asString() : UUID.randomUUID().toString();

        RawHttp.Reply docs = call("GET", "/v3/api-docs", null, null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        operations = Operation.readAll(JSON.readTree(docs.body()));
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(20)
                .extracting(Operation::toString).contains("POST /api/v1/bots", "GET /api/v1/bots/{id}", "POST /api/v1/credentials");
    }

    @Property(tries = 1500, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void noRequestGetsA5xxAndEvery4xxIsACodedProblem(@ForAll("calls") Call call) throws Exception {
        String target = fixture.resolve(call.target());
        List<String> headers = call.headers().stream().map(fixture::resolve).toList();
        byte[] body = call.rawBody() != null ? call.rawBody()
                : call.body() == null ? null : fixture.resolve(call.body()).getBytes(StandardCharsets.UTF_8);
        RawHttp.Reply reply = RawHttp.send(port, call.operation().method(), target, headers, body);
        Statistics.label("status").collect(reply.status());
        Statistics.label("operation").collect(call.operation().toString(), reply.status() < 300 ? "2xx" : reply.status() < 400 ? "3xx" : "4xx");
        String what = call.operation().method() + " " + target + " " + headers + " -> " + reply;

        assertThat(reply.status()).as(what).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
            JsonNode problem;
            try {
                problem = JSON.readTree(reply.body());
            } catch (RuntimeException e) {
                throw new AssertionError("The problem is not JSON: " + what, e);
            }
            assertThat(problem.path("code").asString("")).as(what).isNotBlank();
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(reply.status());
            assertThat(reply.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(reply.header("Content-Security-Policy")).as(what).contains("default-src 'self'");
        }
        // a delete, a password change or a sign-out everywhere may have taken the fixture's bot, token or user
        if (reply.status() < 300 && (call.operation().method().equals("DELETE") || call.operation().path().startsWith("/api/v1/me/")
                || call.operation().path().contains("/admin/"))) {
            refreshFixture();
        }
    }

    // ---- the requests

    /** Three in four calls are hostile in every part at once; the rest are careful but for one field, to get deep. */
    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.of(operations).flatMap(op -> Arbitraries.frequencyOf(Tuple.of(3, hostile(op)), Tuple.of(1, careful(op))));
    }

    private static Arbitrary<Call> careful(Operation op) {
        List<Arbitrary<String>> params = new ArrayList<>();
        for (Param p : op.queryParams()) {
            params.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
                    Tuple.of(1, plausibleQuery(p).map(v -> p.name() + "=" + v))));
        }
        Arbitrary<String> query = params.isEmpty() ? Arbitraries.just("") : Combinators.combine(params).as(list -> {
            String q = String.join("&", list.stream().filter(s -> !s.isEmpty()).toList());
            return q.isEmpty() ? "" : "?" + q;
        });
        Arbitrary<String> body = op.bodyFields() == null || op.bodyFields().isEmpty() ? Arbitraries.just(null)
                : Arbitraries.frequencyOf(Tuple.of(1, allPlausible(op.bodyFields())), Tuple.of(2, allPlausibleButOne(op.bodyFields())))
                .map(list -> "{" + String.join(",", list.stream().filter(m -> !m.isEmpty()).toList()) + "}");
        return Combinators.combine(path(op), query, body).as((path, q, b) -> {
            List<String> headers = new ArrayList<>(List.of("Authorization: Bearer {{token}}"));
            if (b != null) headers.add("Content-Type: application/json");
            return new Call(op, path + q, headers, b, null);
        });
    }

    private static Arbitrary<Call> hostile(Operation op) {
        return Combinators.combine(path(op), query(op), auth(), body(op), accept())
                .as((path, query, auth, body, accept) -> {
                    List<String> headers = new ArrayList<>();
                    if (auth != null) headers.add(auth);
                    if (accept != null) headers.add("Accept: " + accept);
                    if (body.contentType() != null) headers.add("Content-Type: " + body.contentType());
                    return new Call(op, path + query, headers, body.text(), body.bytes());
                });
    }

    private static Arbitrary<String> path(Operation op) {
        if (op.pathParams().isEmpty()) return Arbitraries.just(op.path());
        List<Arbitrary<String>> values = new ArrayList<>();
        for (Param p : op.pathParams()) values.add(pathValue(op.path(), p));
        return Combinators.combine(values).as(list -> {
            String path = op.path();
            for (int i = 0; i < list.size(); i++) path = path.replace("{" + op.pathParams().get(i).name() + "}", list.get(i));
            return path;
        });
    }

    /** An id that exists (the fixture's), a random UUID, or something that is not an id at all. */
    private static Arbitrary<String> pathValue(String path, Param p) {
        String before = path.substring(0, path.indexOf("{" + p.name() + "}"));
        String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
        String existing = switch (collection) {
            case "bots" -> "{{bot}}";
            case "credentials" -> "{{credential}}";
            case "backtests" -> "{{backtest}}";
            case "strategies" -> "{{strategy}}";
            default -> UUID.randomUUID().toString();
        };
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(existing)),
                Tuple.of(2, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(4, Arbitraries.of("", "abc", "0", "-1", "9".repeat(400), "00000000-0000-0000-0000-000000000000",
                        "%00", "%ff", "%c3%28", "..%2f", "%2e%2e", "%2e", "%5c", "%25", "%", "%zz", "%20", "null", "true",
                        "%7B%7D", "a;b", ";jsessionid=x", "x%2Fy", "%e2%82%ac", "%f0%9f%98%80", "%ef%bf%bf",
                        "{{bot}}x", "{{bot}}%00", "%7B{{bot}}%7D", "{{bot}};x=1", "{{bot}}/..", "{{credential}}",
                        "12345678-1234-1234-1234-1234567890123", "1-1-1-1-1", "scalper", "SCALPER", "..", ".")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40).map(JsonArbitraries::percentEncode)),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(500).ofMaxLength(3000)));
    }

    private static Arbitrary<String> query(Operation op) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (Param p : op.queryParams()) {
            parts.add(Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.just("")),
                    Tuple.of(3, plausibleQuery(p).map(v -> p.name() + "=" + v)),
                    Tuple.of(4, queryValue().map(v -> p.name() + "=" + v))));
        }
        Arbitrary<String> extraName = Arbitraries.of("page", "size", "status", "x", "%ff", "", "a%5B%5D", "__proto__",
                "botId", "level", "%00", "sort");
        parts.add(Combinators.combine(extraName, queryValue()).as((n, v) -> n + "=" + v).list().ofMaxSize(2)
                .map(l -> String.join("&", l)));
        return Combinators.combine(parts).as(list -> {
            String q = String.join("&", list.stream().filter(s -> !s.isEmpty()).toList());
            return q.isEmpty() ? "" : "?" + q;
        });
    }

    private static Arbitrary<String> plausibleQuery(Param p) {
        if (!p.enumValues().isEmpty()) return Arbitraries.of(p.enumValues());
        return switch (p.name()) {
            case "page" -> Arbitraries.of("0", "1");
            case "size" -> Arbitraries.of("1", "20", "100");
            case "status" -> Arbitraries.of("open", "closed", "RUNNING", "STOPPED");
            case "level" -> Arbitraries.of("INFO", "WARN", "ERROR");
            case "botId" -> Arbitraries.of("{{bot}}");
            case "exchange" -> Arbitraries.of("sim");
            case "symbol" -> Arbitraries.of("BTC/USDT", "BTC%2FUSDT", "ETH/USDT");
            default -> switch (p.type()) {
                case "integer", "number" -> Arbitraries.integers().between(-5, 200).map(String::valueOf);
                case "boolean" -> Arbitraries.of("true", "false");
                default -> Arbitraries.strings().alpha().ofMaxLength(10);
            };
        };
    }

    /** Percent-encoded as a client would, or deliberately not valid at all. */
    private static Arbitrary<String> queryValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("", "abc", "-1", "-2147483649", "2147483648", "99999999999999999999999", "1e400",
                        "1.5", "0x1F", "NaN", "Infinity", "%ff", "%c3%28", "%00", "%", "%zz", "+", "%2B", "true", "null",
                        "PAPER", "running", "RUNNING", "open", "closed", "INFO", "sim", "{{bot}}", "{{bot}}x",
                        "9".repeat(300), "%e2%82%ac", "a=b", "%26", "%3D")),
                Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30).map(JsonArbitraries::percentEncode)));
    }

    private static Arbitrary<String> accept() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(null)),
                Tuple.of(3, Arbitraries.of("application/json", "*/*", "application/problem+json", "text/html", "application/xml",
                        "garbage", "text/event-stream", "image/png", "application/json;q=0", "text/*, application/*;q=0.1",
                        "application/json;q=2", "text/html;q=abc", "a/b/c", ";;;", "application/json, garbage")));
    }

    private static Arbitrary<String> auth() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("Authorization: Bearer {{token}}")),
                Tuple.of(3, Arbitraries.just(null)),
                Tuple.of(4, Arbitraries.of("Authorization: Bearer garbage", "Authorization: Bearer {{tamperedToken}}",
                        "Authorization: Basic dXNlcjpwYXNz", "Authorization: Bearer", "Authorization: Bearer ",
                        "Authorization: Bearer a.b.c", "Authorization: bearer {{token}}",
                        "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                        "Authorization: Bearer {{token}} {{token}}", "Authorization: Token {{token}}",
                        "Authorization: Bearer " + "A".repeat(4000))));
    }

    /** A body and its Content-Type; text null for none, bytes for input that is not valid UTF-8. */
    record Body(String contentType, String text, byte[] bytes) {
    }

    private static Arbitrary<Body> body(Operation op) {
        Arbitrary<String> json = op.bodyFields() == null
                ? Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(null)), Tuple.of(1, JsonArbitraries.jsonValue()), Tuple.of(1, object(List.of())))
                : Arbitraries.frequencyOf(
                        Tuple.of(10, object(op.bodyFields())),
                        Tuple.of(1, JsonArbitraries.jsonValue()),
                        Tuple.of(1, Arbitraries.just(null)),
                        Tuple.of(2, JsonArbitraries.malformedJson()),
                        Tuple.of(1, JsonArbitraries.deep()));
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                Tuple.of(14, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(3, Arbitraries.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1",
                        "application/json; charset=nonsense", "application/x-www-form-urlencoded", "multipart/form-data",
                        "*/*", "application/json;;", "garbage", "application/merge-patch+json", "application/problem+json",
                        "application/json; charset=UTF-16", "APPLICATION/JSON", "application/*")));
        Arbitrary<Body> text = Combinators.combine(contentType, json)
                .as((type, body) -> new Body(body == null && type != null && type.equals("application/json") ? null : type, body, null));
        Arbitrary<Body> notUtf8 = Arbitraries.of(
                new byte[]{'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'},
                new byte[]{(byte) 0xc3, (byte) 0x28},
                new byte[]{'{', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', ':', '1', '}'},
                new byte[]{0, 0, 0, '{'}).map(b -> new Body("application/json", null, b));
        return Arbitraries.frequencyOf(Tuple.of(20, text), Tuple.of(1, notUtf8));
    }

    /**
     * A JSON object of the operation's fields: all plausible (so requests get past the first check and go deep), all
     * plausible but one (wrong type, null or missing), or each field independently plausible, random, null or missing;
     * plus sometimes extra fields.
     */
    private static Arbitrary<String> object(List<Param> fields) {
        Arbitrary<String> extra = Combinators.combine(Arbitraries.of("extra", "id", "ownerId", "status", "__proto__", "",
                        "name", "éü", "config", "role"), JsonArbitraries.jsonValue()).as((k, v) -> JsonArbitraries.quote(k) + ":" + v)
                .list().ofMaxSize(2).map(l -> String.join(",", l));
        Arbitrary<List<String>> members = fields.isEmpty() ? Arbitraries.just(List.of()) : Arbitraries.frequencyOf(
                Tuple.of(1, allPlausible(fields)),
                Tuple.of(2, allPlausibleButOne(fields)),
                Tuple.of(2, independent(fields)));
        return Combinators.combine(members, Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(1, extra)))
                .as((list, more) -> {
                    List<String> all = new ArrayList<>(list);
                    all.add(more);
                    return "{" + String.join(",", all.stream().filter(m -> !m.isEmpty()).toList()) + "}";
                });
    }

    private static Arbitrary<List<String>> allPlausible(List<Param> fields) {
        List<Arbitrary<String>> members = new ArrayList<>();
        for (Param f : fields) members.add(plausible(f).map(v -> JsonArbitraries.quote(f.name()) + ":" + v));
        return Combinators.combine(members).as(l -> l);
    }

    private static Arbitrary<List<String>> allPlausibleButOne(List<Param> fields) {
        Arbitrary<String> odd = Arbitraries.frequencyOf(Tuple.of(5, JsonArbitraries.jsonValue()), Tuple.of(1, Arbitraries.just("null")),
                Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(allPlausible(fields), Arbitraries.integers().between(0, fields.size() - 1), odd)
                .as((list, index, value) -> {
                    List<String> copy = new ArrayList<>(list);
                    copy.set(index, value.isEmpty() ? "" : JsonArbitraries.quote(fields.get(index).name()) + ":" + value);
                    return copy;
                });
    }

    private static Arbitrary<List<String>> independent(List<Param> fields) {
        List<Arbitrary<String>> members = new ArrayList<>();
        for (Param f : fields) {
            members.add(Arbitraries.frequencyOf(
                    Tuple.of(6, plausible(f).map(v -> JsonArbitraries.quote(f.name()) + ":" + v)),
                    Tuple.of(3, JsonArbitraries.jsonValue().map(v -> JsonArbitraries.quote(f.name()) + ":" + v)),
                    Tuple.of(1, Arbitraries.just(JsonArbitraries.quote(f.name()) + ":null")),
                    Tuple.of(1, Arbitraries.just(""))));
        }
        return Combinators.combine(members).as(l -> l);
    }

    /** A value a client would plausibly send for this field, so requests also get past the first check. */
    private static Arbitrary<String> plausible(Param f) {
        if (!f.enumValues().isEmpty()) return Arbitraries.of(f.enumValues()).map(JsonArbitraries::quote);
        return switch (f.name()) {
            case "name", "label", "message" -> likely("\"fuzz\"", "\"main account\"", "\"\u00e9\u20ac\ud83d\ude00\"");
            case "exchange" -> likely("\"sim\"", "\"binance\"", "\"SIM\"");
            case "symbol" -> likely("\"BTC/USDT\"", "\"ETH/USDT\"", "\"BTCUSDT\"");
            case "strategy" -> likely("\"scalper\"", "\"{{strategy}}\"");
            case "mode" -> likely("\"PAPER\"", "\"LIVE\"", "\"paper\"");
            case "config" -> Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(SCALPER_CONFIG)), Tuple.of(1, config()));
            case "params" -> Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("{}")), Tuple.of(1, config()));
            case "email" -> Arbitraries.create(() -> JsonArbitraries.quote("fz" + EMAILS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com"));
            case "password", "currentPassword", "newPassword" -> likely(JsonArbitraries.quote(PASSWORD), "\"short\"", JsonArbitraries.quote("x".repeat(80)));
            case "apiKey" -> likely("\"AKIA-fuzz-key-0123456789-WXYZ\"", "\"k\"");
            case "apiSecret", "passphrase" -> likely("\"s3cr3t-fuzz-0123456789\"", "\"s\"");
            case "dataset" -> Arbitraries.of("\"{{dataset}}\"");
            case "fillModel" -> likely("\"optimistic\"", "\"freqtrade\"", "\"x\"");
            case "fee" -> likely("\"0.001\"", "0.1", "\"-1\"");
            case "stoploss" -> likely("\"-0.1\"", "-0.5", "\"0.1\"");
            case "balance" -> likely("\"1000\"", "1000", "\"0\"");
            case "slippageTicks" -> likely("0", "2", "-3");
            case "level" -> likely("\"INFO\"", "\"WARN\"", "\"ERROR\"");
            case "botId" -> Arbitraries.of("\"{{bot}}\"");
            case "quantity" -> likely("\"0.001\"", "0.001", "\"1\"");
            case "buyPrice" -> likely("\"60000\"", "60000", "\"1e-8\"");
            case "sellPrice" -> likely("\"61000\"", "61000.5");
            default -> switch (f.type()) {
                case "integer", "number" -> Arbitraries.integers().between(-10, 1000).map(String::valueOf);
                case "boolean" -> likely("true", "false");
                case "object" -> Arbitraries.just("{}");
                case "array" -> Arbitraries.just("[]");
                default -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(JsonArbitraries::quote);
            };
        };
    }

    /** The first value mostly (one that works), the others now and then. */
    private static Arbitrary<String> likely(String first, String... others) {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(first)), Tuple.of(1, Arbitraries.of(others)));
    }

    /** A scalper's config (quantity, buyPrice, sellPrice), each value plausible or not. */
    private static Arbitrary<String> config() {
        return object(List.of(new Param("quantity", "string", List.of()), new Param("buyPrice", "string", List.of()),
                new Param("sellPrice", "string", List.of())));
    }

    /** Logs the fixture's user in again (after a sign-out everywhere), or registers a new one if it is gone. */
    private static void login() throws Exception {
        if (fixture.email != null) {
            RawHttp.Reply again = call("POST", "/api/v1/auth/login", null, credentials(fixture.email));
            if (again.status() == 200) {
                fixture.token = JSON.readTree(again.body()).get("token").asString();
                return;
            }
        }
        fixture.email = "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String credentials = credentials(fixture.email);
        RawHttp.Reply registered = call("POST", "/api/v1/auth/register", null, credentials);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        RawHttp.Reply login = call("POST", "/api/v1/auth/login", null, credentials);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        fixture.token = JSON.readTree(login.body()).get("token").asString();
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    }

    private static String createBot() throws Exception {
        RawHttp.Reply bot = call("POST", "/api/v1/bots", fixture.token, """
                {"name":"fuzz","exchange":"sim","symbol":"BTC/USDT","strategy":"scalper","mode":"PAPER",
                 "config":{"quantity":"0.001","buyPrice":"60000","sellPrice":"61000"}}""");
        assertThat(bot.status()).as(bot.toString()).isEqualTo(201);
        return JSON.readTree(bot.body()).get("id").asString();
    }

    private static String createCredential() throws Exception {
        RawHttp.Reply credential = call("POST", "/api/v1/credentials", fixture.token, """
                {"exchange":"sim","label":"fuzz","apiKey":"AKIA-fuzz-key-0123456789-WXYZ","apiSecret":"s3cr3t-fuzz-0123456789"}""");
        assertThat(credential.status()).as(credential.toString()).isEqualTo(201);
        return JSON.readTree(credential.body()).get("id").asString();
    }

    /**
     * After a successful DELETE, password change or sign-out everywhere, the token is renewed and the user, bot and
     * credential are recreated if they are gone. When
     * that is refused (a registration limit, say) the fuzzing goes on with what is left: those answers are checked too.
     */
    private static synchronized void refreshFixture() throws Exception {
        try {
            if (call("GET", "/api/v1/me", fixture.token, null).status() != 200) login();
            if (call("GET", "/api/v1/bots/" + fixture.bot, fixture.token, null).status() != 200) fixture.bot = createBot();
            if (!call("GET", "/api/v1/credentials", fixture.token, null).body().contains(fixture.credential)) {
                fixture.credential = createCredential();
            }
        } catch (AssertionError e) {
            System.err.println("ApiFuzzProperties: could not restore the fixture, going on without: " + e.getMessage());
        }
    }

    private static RawHttp.Reply call(String method, String path, String token, String json) throws Exception {
        List<String> headers = new ArrayList<>();
        if (token != null) headers.add("Authorization: Bearer " + token);
        if (json != null) headers.add("Content-Type: application/json");
        return RawHttp.send(port, method, path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.botfleet.server.config;

import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP edge against a real Tomcat (MockMvc would decode, size and header requests differently): malformed
 * queries, oversized bodies and security headers. H2 only; nothing here depends on the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4", "botfleet.sim.tick-interval=50ms",
        "spring.datasource.url=jdbc:h2:mem:botfleet-http;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpHardeningTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    int port;
    String token;

    @BeforeAll
    void login() throws Exception {
        String email = "h" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String body = "{\"email\":\"" + email + "\",\"password\":\"correct-horse-9\"}";
        assertThat(send(post("/api/v1/auth/register", body)).statusCode()).isEqualTo(201);
        HttpResponse<String> login = send(post("/api/v1/auth/login", body));
        token = JSON.readTree(login.body()).get("token").asString();
    }

    @Test
    void aQueryValueThatIsNotUtf8IsA400NamingTheParameter() throws Exception {
        for (String path : List.of("/api/v1/bots?status=%FF", "/api/v1/orders?status=%FF", "/api/v1/logs?level=%C3%28",
                "/api/v1/price/ltp?exchange=sim&symbol=%FF")) {
            HttpResponse<String> r = send(get(path).header("Authorization", "Bearer " + token));
            assertProblem(r, 400, "MALFORMED_REQUEST");
            assertThat(r.body()).as(path).contains("not valid").doesNotContain("Exception");
        }
        assertThat(JSON.readTree(send(get("/api/v1/bots?status=%FF").header("Authorization", "Bearer " + token)).body())
                .get("detail").asString()).contains("'status'");
    }

    /** Found by ApiFuzzProperties: Tomcat throws from getParameter on a value without a name, which was a 500. */
    @Test
    void aQueryValueWithoutANameIsA400NotA500() throws Exception {
        for (String path : List.of("/api/v1/logs?=", "/api/v1/orders?status=open&=true", "/api/v1/bots?=x&size=5",
                "/api/v1/backtests?page=0&=")) {
            HttpResponse<String> r = send(get(path).header("Authorization", "Bearer " + token));
            assertProblem(r, 400, "MALFORMED_REQUEST");
            assertThat(r.body()).as(path).contains("without a name");
        }
        // an empty pair is not a nameless value: Tomcat skips it
        assertThat(send(get("/api/v1/bots?size=5&&page=0").header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);
    }

    /** Found by ApiFuzzProperties: a multipart Content-Type whose body does not parse was a 500 wherever no body is read. */
    @Test
    void anUnparsableMultipartBodyIsA400NotA500() throws Exception {
        String cancel = "POST /api/v1/bots/" + UUID.randomUUID() + "/orders/" + UUID.randomUUID() + "/cancel";
        // no boundary, so the body cannot be split into parts (a boundary the body never uses is just no parts)
        for (String request : List.of("GET /api/v1/logs|multipart/form-data|", cancel + "|multipart/form-data|{\"a\":1}")) {
            String[] parts = request.split("\\|", -1);
            RawResponse r = raw(parts[0] + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: " + parts[1] + "\r\nContent-Length: " + parts[2].length()
                    + "\r\nConnection: close\r\n\r\n" + parts[2]);
            String what = request + " -> " + r;
            assertThat(r.status()).as(what).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
            assertThat(JSON.readTree(r.body()).get("code").asString()).as(what).isEqualTo("MALFORMED_REQUEST");
            assertThat(r.body()).as(what).contains("multipart");
        }
        // where a JSON body is expected, a multipart one is simply the wrong media type
        HttpResponse<String> r = send(post("/api/v1/bots", "{\"name\":\"x\"}").header("Authorization", "Bearer " + token)
                .setHeader("Content-Type", "multipart/form-data"));
        assertThat(r.statusCode()).as(r.body()).isIn(400, 415);
    }

    /** Found by ApiFuzzProperties: a wildcard Content-Type failed an assertion in Spring's request headers (500). */
    @Test
    void aWildcardContentTypeIs415NotA500() throws Exception {
        for (String type : List.of("*/*", "application/*", "*/*; charset=UTF-8")) {
            HttpResponse<String> r = send(post("/api/v1/credentials", "{\"exchange\":\"sim\"}")
                    .header("Authorization", "Bearer " + token).setHeader("Content-Type", type));
            assertProblem(r, 415, "UNSUPPORTED_MEDIA_TYPE");
            assertThat(r.body()).as(type).contains("wildcard");
        }
        assertThat(MediaTypeFilter.isWildcard("application/json")).isFalse();
        assertThat(MediaTypeFilter.isWildcard("garbage")).isFalse(); // Spring answers that one with its own 415
        assertThat(MediaTypeFilter.isWildcard(null)).isFalse();
    }

    /**
     * Found by ApiFuzzProperties: with an Accept header that does not parse, error answers (negotiated against it)
     * failed and left an empty 400 without a Content-Type.
     */
    @Test
    void anAcceptHeaderThatDoesNotParseIs406Problem() throws Exception {
        for (String accept : List.of("garbage", "application/json;q=2", "text/html;q=abc", "a/b/c")) {
            HttpResponse<String> r = send(post("/api/v1/logs", "").header("Authorization", "Bearer " + token)
                    .header("Accept", accept));
            assertProblem(r, 406, "NOT_ACCEPTABLE");
            assertThat(r.body()).as(accept).contains("Accept");
        }
        // a valid Accept without JSON still gets problem+json for an error (Spring's fallback for problem details)
        HttpResponse<String> html = send(post("/api/v1/logs", "").header("Authorization", "Bearer " + token)
                .header("Accept", "text/html"));
        assertProblem(html, 400, "MALFORMED_REQUEST");
    }

    /**
     * Found by ApiFuzzProperties: a JSON body sent as a form has parameter names the security firewall refuses when MVC
     * reads them, which was a 500. The firewall's message quotes the body, so it must not be echoed.
     */
    @Test
    void aJsonBodySentAsAFormIsA400NotA500() throws Exception {
        // as a form, the whole body is one parameter name; %01 (a control character) is what the firewall refuses
        HttpResponse<String> r = send(post("/api/v1/bots", "{\"name\":\"secret-name%01\",\"symbol\":41}")
                .header("Authorization", "Bearer " + token).setHeader("Content-Type", "application/x-www-form-urlencoded"));
        assertProblem(r, 400, "MALFORMED_REQUEST");
        assertThat(r.body()).doesNotContain("secret-name");
    }

    @Test
    void aPasswordOver72BytesIsAFieldErrorNotA500() throws Exception {
        // 32 Java characters (under any character limit) but 92 UTF-8 bytes: past what bcrypt takes
        String password = "\u20AC".repeat(30) + "a1";
        String email = "e" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> r = send(post("/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        assertProblem(r, 400, "VALIDATION_ERROR");
        JsonNode errors = JSON.readTree(r.body()).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("password");
        assertThat(errors.get(0).get("message").asString()).contains("72 bytes");
        HttpResponse<String> login = send(post("/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        assertProblem(login, 401, "UNAUTHORIZED");
    }

    @Test
    void aBodyOverTheCapIs413WhetherDeclaredOrChunked() throws Exception {
        String big = "{\"email\":\"" + "a".repeat(70 * 1024) + "\",\"password\":\"x\"}";
        assertProblem(send(post("/api/v1/auth/login", big)), 413, "PAYLOAD_TOO_LARGE");
        HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())));
        assertProblem(send(chunked), 413, "PAYLOAD_TOO_LARGE");
        // under the cap a chunked body is read as usual
        HttpRequest.Builder small = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "{\"email\":\"nobody@example.com\",\"password\":\"wrong-pass-1\"}".getBytes())));
        assertProblem(send(small), 401, "UNAUTHORIZED");
        // backtests take the larger upload cap: a 70 KiB submission is judged on its content, not its size
        HttpResponse<String> backtest = send(post("/api/v1/backtests", "{\"strategy\":\"" + "s".repeat(70 * 1024) + "\"}")
                .header("Authorization", "Bearer " + token));
        assertThat(backtest.statusCode()).as(backtest.body()).isNotEqualTo(413).isLessThan(500);
    }

    @Test
    void everyResponseCarriesSecurityHeadersIncludingErrors() throws Exception {
        for (String path : List.of("/api/v1/bots", "/api/v1/no-such-thing", "/index.html", "/api/v1/bots?status=%FF")) {
            HttpResponse<String> r = send(get(path));
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValue(SecurityHeadersFilter.DASHBOARD_POLICY);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
        String csp = SecurityHeadersFilter.DASHBOARD_POLICY;
        assertThat(csp).contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'", "connect-src 'self' ws: wss:")
                .doesNotContain("unsafe-inline");
        HttpResponse<String> swagger = send(get("/swagger-ui/index.html"));
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeadersFilter.SWAGGER_POLICY);
        assertThat(SecurityHeadersFilter.SWAGGER_POLICY).contains("script-src 'self';");
        assertThat(noInlineScript(swagger.body())).as("swagger-ui has no inline script").isTrue();
    }

    @Test
    void theDashboardPageHasNoInlineScript() throws Exception {
        String html = java.nio.file.Files.readString(java.nio.file.Path.of("../web/index.html"));
        assertThat(noInlineScript(html)).as(html).isTrue();
    }

    /** Every script element has a src (the CSP allows no inline script). */
    static boolean noInlineScript(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<script([^>]*)>(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(html);
        while (m.find()) {
            if (!m.group(1).contains("src=") || !m.group(2).isBlank()) return false;
        }
        return true;
    }

    @Test
    void traceAndTheBareErrorPageAnswerProblems() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody())), 405, "METHOD_NOT_ALLOWED");
        assertProblem(send(get("/error")), 404, "NOT_FOUND");
    }

    /**
     * Paths Tomcat refuses before any filter runs (%00, an encoded '/', '..' above the root) and paths the security
     * firewall refuses (an encoded '.', invalid UTF-8): sent over a raw socket so nothing normalises them on the way.
     */
    @Test
    void malformedPathsAnswerProblemJsonWithSecurityHeaders() throws Exception {
        for (String path : List.of("/api/v1/bots/%00", "/api/v1/..%2fbots", "/api/v1/%2e%2e/x", "/api/v1/bots%ff",
                "/%00", "/api/v1/bots/..%2F..%2F..%2Fetc%2Fpasswd", "/api/v1/%2e%2e/%2e%2e/%2e%2e/x", "/index.html%00",
                "/api/v1/bots/%c3%28", "/api/v1/bots/%2e", "/api/v1/bots%5c..%5cx")) {
            for (String method : List.of("GET", "POST", "DELETE")) {
                RawResponse r = raw(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + token + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                String what = method + " " + path + " -> " + r;
                assertThat(r.status()).as(what).isEqualTo(400);
                assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
                assertThat(r.header("Content-Security-Policy")).as(what).isEqualTo(SecurityHeadersFilter.DASHBOARD_POLICY);
                assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
                assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
                assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
                JsonNode body = JSON.readTree(r.body());
                assertThat(body.get("status").asInt()).as(what).isEqualTo(400);
                assertThat(body.get("title").asString()).as(what).isEqualTo("Bad Request");
                assertThat(body.get("code").asString()).as(what).isEqualTo("MALFORMED_REQUEST");
                assertThat(body.get("detail").asString()).as(what).isNotBlank();
                assertThat(r.body()).as(what).doesNotContain("<html", "Exception", "Tomcat");
            }
        }
    }

    /** A response read off a raw socket: status, headers (names lower case) and body. */
    record RawResponse(int status, java.util.Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
        }
    }

    /** Sends the bytes as they are (no client normalises the path) and reads until the server closes. */
    RawResponse raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as(text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) return out.toString();
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo(code);
    }
}

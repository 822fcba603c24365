package dev.botfleet.server.runtime;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST calls the crash tests make against a {@link ServerProcess}: a user, paper scalper bots, their fills. */
final class ServerApi {
    private final ServerProcess server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    ServerApi(ServerProcess server) {
        this.server = server;
    }

    /** Registers (on the first run) and logs in; returns the bearer token. */
    String register(String email) throws Exception {
        send("POST", "/api/v1/auth/register", null, credentials(email));
        return login(email);
    }

    /** Logs a registered user in; returns the bearer token. */
    String login(String email) throws Exception {
        return send("POST", "/api/v1/auth/login", null, credentials(email)).get("token").asString();
    }

    private static String credentials(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"correct-horse-9\"}";
    }

    /** Creates a paper scalper on sim BTC/USDT buying {@code spread} below and selling {@code spread} above the last price. */
    String scalper(String token, String name, BigDecimal spread) throws Exception {
        BigDecimal price = new BigDecimal(call("GET", "/api/v1/price/ltp?exchange=sim&symbol=BTC/USDT", token).get("price").asString());
        String body = """
                {"name":"%s","exchange":"sim","symbol":"BTC/USDT","strategy":"scalper","mode":"PAPER",
                 "config":{"quantity":"0.001","buyPrice":"%s","sellPrice":"%s"}}""".formatted(name,
                price.multiply(BigDecimal.ONE.subtract(spread)).setScale(2, RoundingMode.HALF_EVEN),
                price.multiply(BigDecimal.ONE.add(spread)).setScale(2, RoundingMode.HALF_EVEN));
        return send("POST", "/api/v1/bots", token, body).get("id").asString();
    }

    /** What GET /bots/{id}/trades reports: each fill as "tradeId price quantity". */
    Set<String> fills(String token, String bot) throws Exception {
        Set<String> fills = new LinkedHashSet<>();
        for (JsonNode t : call("GET", "/api/v1/bots/" + bot + "/trades", token)) {
            fills.add(t.get("clientOrderId").asString() + "/" + t.get("tradeId").asString() + " " + t.get("price").asString()
                    + " x " + t.get("quantity").asString());
        }
        return fills;
    }

    JsonNode call(String method, String path, String token) throws Exception {
        return send(method, path, token, null);
    }

    JsonNode send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }
}

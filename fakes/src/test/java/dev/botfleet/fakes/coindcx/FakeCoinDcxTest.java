package dev.botfleet.fakes.coindcx;

import dev.botfleet.fakes.StandardSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake refuses what CoinDCX refuses: wrong key or signature (401), a stale timestamp, a listing without side. */
class FakeCoinDcxTest {
    private final FakeCoinDcx fake = new FakeCoinDcx();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() { fake.close(); }

    private HttpResponse<String> post(String path, String body, String key, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.restUrl() + FakeCoinDcx.BASE + path))
                .header("Content-Type", "application/json").header("X-AUTH-APIKEY", key)
                .header("X-AUTH-SIGNATURE", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(String path, String body) throws Exception {
        return post(path, body, StandardSetup.API_KEY, SocketIoServer.hmacHex(StandardSetup.API_SECRET, body));
    }

    @Test
    void aSignatureOverOtherBytesOrAnUnknownKeyIsRefused() throws Exception {
        String body = "{\"timestamp\":" + fake.clock().getAsLong() + ",\"status\":\"open\",\"side\":\"buy\",\"page\":\"1\",\"size\":\"10\"}";
        assertThat(signed("/orders", body).statusCode()).isEqualTo(200);
        // The same fields with a space: another byte string, so the signature of the compact one does not fit.
        String spaced = body.replace(",\"status\"", ", \"status\"");
        assertThat(post("/orders", spaced, StandardSetup.API_KEY,
                SocketIoServer.hmacHex(StandardSetup.API_SECRET, body)).statusCode()).isEqualTo(401);
        assertThat(post("/orders", body, "nobody", SocketIoServer.hmacHex(StandardSetup.API_SECRET, body))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void aTimestampMoreThanTenSecondsAwayIsRefused() throws Exception {
        String body = "{\"timestamp\":" + (fake.clock().getAsLong() - 11_000) + ",\"status\":\"open\",\"side\":\"buy\",\"page\":\"1\",\"size\":\"10\"}";
        HttpResponse<String> answer = signed("/orders", body);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("timestamp");
    }

    @Test
    void listingOrdersNeedsASideAndCreateNeedsTheNestedOrder() throws Exception {
        long now = fake.clock().getAsLong();
        assertThat(signed("/orders", "{\"timestamp\":" + now + ",\"status\":\"open\",\"page\":\"1\",\"size\":\"10\"}")
                .statusCode()).isEqualTo(400);
        String flat = "{\"timestamp\":" + now + ",\"side\":\"buy\",\"pair\":\"B-BTC_USDT\",\"order_type\":\"limit_order\","
                + "\"price\":49000,\"total_quantity\":0.001}";
        assertThat(signed("/orders/create", flat).statusCode()).isEqualTo(400);
        String nested = "{\"timestamp\":" + now + ",\"order\":{\"side\":\"buy\",\"pair\":\"B-BTC_USDT\","
                + "\"order_type\":\"limit_order\",\"price\":49000.005,\"total_quantity\":0.001}}";
        HttpResponse<String> offTick = signed("/orders/create", nested);
        assertThat(offTick.statusCode()).isEqualTo(400);
        assertThat(offTick.body()).contains("Price should be divisible by 0.01");
        HttpResponse<String> created = signed("/orders/create", nested.replace("49000.005", "49000.00"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).startsWith("[").contains("\"status\":\"initial\"").doesNotContain("client_order_id");
        assertThat(fake.engine().acceptedClientIds()).as("no client order id is invented").isEmpty();
    }

    @Test
    void aWrongLeverageIsRefusedInTheDocsWords() throws Exception {
        String body = "{\"timestamp\":" + fake.clock().getAsLong() + ",\"order\":{\"side\":\"buy\",\"pair\":\"B-BTC_USDT\","
                + "\"order_type\":\"limit_order\",\"price\":49000,\"total_quantity\":0.001,\"leverage\":7}}";
        HttpResponse<String> answer = signed("/orders/create", body);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("Order leverage must be equal to position leverage");
    }
}

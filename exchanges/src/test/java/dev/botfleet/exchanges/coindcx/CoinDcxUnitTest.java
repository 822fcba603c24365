package dev.botfleet.exchanges.coindcx;

import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.exchanges.coindcx.PlacementBook.Placement;
import dev.botfleet.exchanges.http.RestCall;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing over the exact bytes sent, the nested create body, Socket.IO v2 framing, and the no-client-id matching. */
class CoinDcxUnitTest {

    @Test
    void theSignatureIsTheHmacOfExactlyTheBodyBytesSentWithTheTimestampFirst() throws Exception {
        CoinDcxSigner signer = CoinDcxSigner.forKey("k", "s3cret");
        RestCall call = new RestCall("POST", "/exchange/v1/derivatives/futures/orders/cancel", Map.of(),
                "{\"id\":\"c87ca633\"}", 1, true, true, false);
        HttpRequest request = signer.build("http://x", call, 1705647376759L);
        String sent = body(request);
        assertThat(sent).isEqualTo("{\"timestamp\":1705647376759,\"id\":\"c87ca633\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String independent = HexFormat.of().formatHex(mac.doFinal(sent.getBytes(StandardCharsets.UTF_8)));
        assertThat(request.headers().firstValue("X-AUTH-SIGNATURE")).contains(independent);
        assertThat(request.headers().firstValue("X-AUTH-APIKEY")).contains("k");
        assertThat(CoinDcxSigner.body("{}", 5)).isEqualTo("{\"timestamp\":5}");
        assertThat(signer.toString()).doesNotContain("s3cret");
    }

    @Test
    void theWalletsGetStillCarriesItsSignedBody() throws Exception {
        HttpRequest request = CoinDcxSigner.forKey("k", "s").build("http://x",
                new RestCall("GET", "/w", Map.of(), "{}", 1, true, true, false), 7);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(body(request)).isEqualTo("{\"timestamp\":7}");
    }

    @Test
    void thePrivateJoinSignsTheCompactChannelObject() {
        JsonNode join = CoinDcxJson.parse(CoinDcxSigner.forKey("key", "sec").joinPrivate());
        assertThat(join.path("channelName").asString()).isEqualTo("coindcx");
        assertThat(join.path("authSignature").asString())
                .isEqualTo(dev.botfleet.exchanges.http.Hmac.sha256Hex("sec", "{\"channel\":\"coindcx\"}"));
    }

    @Test
    void socketIoV2FramesAreDecodedAndEncoded() {
        assertThat(SocketIo.decode("0{\"sid\":\"a\",\"pingInterval\":25000}").type()).isEqualTo(SocketIo.Frame.Type.OPEN);
        assertThat(SocketIo.decode("40").type()).isEqualTo(SocketIo.Frame.Type.CONNECT);
        assertThat(SocketIo.decode("3").type()).isEqualTo(SocketIo.Frame.Type.PONG);
        SocketIo.Frame event = SocketIo.decode("42[\"new-trade\",{\"data\":{\"p\":\"0.3473\",\"s\":\"B-ID_USDT\"}}]");
        assertThat(event.event()).isEqualTo("new-trade");
        assertThat(SocketIo.payload(event.data()).path("s").asString()).isEqualTo("B-ID_USDT");
        // A payload sent as a JSON-encoded string is read the same way.
        JsonNode asString = SocketIo.decode("42[\"balance-update\",{\"data\":\"[{\\\"balance\\\":\\\"1.5\\\"}]\"}]").data();
        assertThat(SocketIo.payload(asString).path(0).path("balance").asString()).isEqualTo("1.5");
        assertThat(SocketIo.event("join", "{\"channelName\":\"coindcx\"}"))
                .isEqualTo("42[\"join\",{\"channelName\":\"coindcx\"}]");
    }

    @Test
    void decimalsAreReadExactlyAndWrittenPlainly() {
        JsonNode row = CoinDcxJson.parse("{\"timestamp\":1705645534425.8374,\"price\":0.2962,\"q\":\"33.0\"}");
        assertThat(CoinDcxJson.exact(row, "timestamp")).isEqualTo("1705645534425.8374");
        assertThat(CoinDcxJson.dec(row, "price")).isEqualByComparingTo("0.2962");
        assertThat(CoinDcxTrading.onGrid(new BigDecimal("49000"), new BigDecimal("0.01"), "price").toPlainString())
                .isEqualTo("49000.00");
    }

    // ---------------------------------------------------------------- the no-client-id resolution

    private static final Placement BUY = new Placement("botx1", "B-BTC_USDT", OrderSide.BUY, "limit_order",
            new BigDecimal("49000.00"), new BigDecimal("0.001"), 1_000_000L, false);

    private static JsonNode row(String id, String pair, String side, String price, String qty, long createdAt) {
        return CoinDcxJson.parse("{\"id\":\"" + id + "\",\"pair\":\"" + pair + "\",\"side\":\"" + side
                + "\",\"order_type\":\"limit_order\",\"price\":" + price + ",\"total_quantity\":" + qty
                + ",\"created_at\":" + createdAt + "}");
    }

    @Test
    void theOrderMatchingEveryAttributeIsAdopted() {
        List<JsonNode> rows = List.of(
                row("other-price", "B-BTC_USDT", "buy", "49000.01", "0.001", 1_000_100),
                row("other-pair", "B-ETH_USDT", "buy", "49000", "0.001", 1_000_100),
                row("other-qty", "B-BTC_USDT", "buy", "49000", "0.002", 1_000_100),
                row("too-old", "B-BTC_USDT", "buy", "49000", "0.001", 1_000_000 - PlacementBook.SLACK_MILLIS - 1),
                row("ours", "B-BTC_USDT", "buy", "49000.0", "0.0010", 1_000_050));
        PlacementBook.Match match = PlacementBook.match(BUY, rows, Set.of()).orElseThrow();
        assertThat(match.order().path("id").asString()).isEqualTo("ours");
        assertThat(match.ambiguous()).isFalse();
    }

    @Test
    void nothingMatchingMeansNotPlaced() {
        assertThat(PlacementBook.match(BUY, List.of(row("x", "B-BTC_USDT", "sell", "49000", "0.001", 1_000_050)),
                Set.of())).isEmpty();
    }

    @Test
    void anOrderClaimedByAnotherPlacementIsNeverAdoptedTwice() {
        List<JsonNode> rows = List.of(row("a", "B-BTC_USDT", "buy", "49000", "0.001", 1_000_010),
                row("b", "B-BTC_USDT", "buy", "49000", "0.001", 1_000_020));
        assertThat(PlacementBook.match(BUY, rows, Set.of("a")).orElseThrow().order().path("id").asString()).isEqualTo("b");
        assertThat(PlacementBook.match(BUY, rows, Set.of("a", "b"))).isEmpty();
    }

    @Test
    void severalCandidatesAdoptTheOldestAndSaySo() {
        List<JsonNode> rows = new ArrayList<>(List.of(row("later", "B-BTC_USDT", "buy", "49000", "0.001", 1_000_900),
                row("earlier", "B-BTC_USDT", "buy", "49000", "0.001", 1_000_100)));
        PlacementBook.Match match = PlacementBook.match(BUY, rows, Set.of()).orElseThrow();
        assertThat(match.order().path("id").asString()).isEqualTo("earlier");
        assertThat(match.ambiguous()).isTrue();
        assertThat(match.candidates()).isEqualTo(2);
    }

    @Test
    void theBookRefusesASecondSendAndHandsBackUpdatesThatBeatTheAnswer() {
        PlacementBook book = new PlacementBook();
        assertThat(book.record(BUY)).isTrue();
        assertThat(book.record(BUY)).as("one venue client id is sent once").isFalse();
        JsonNode early = row("v1", "B-BTC_USDT", "buy", "49000", "0.001", 1_000_010);
        assertThat(book.clientIdOrPark("v1", early)).isNull();
        assertThat(book.bind(BUY, "v1")).containsExactly(early);
        assertThat(book.clientIdOrPark("v1", early)).isEqualTo("botx1");
        assertThat(book.claimed()).containsExactly("v1");
    }

    @Test
    void fillsWithoutTradeIdsGetAStableKeyFromTheirOwnFields() {
        JsonNode trade = CoinDcxJson.parse("{\"price\":0.2962,\"quantity\":33.0,\"is_maker\":false,\"fee_amount\":0.00733095,"
                + "\"pair\":\"B-ID_USDT\",\"side\":\"buy\",\"timestamp\":1705645534425.8374,\"order_id\":\"9b37\"}");
        var fill = CoinDcxOrders.fill("botx1", "9b37", trade, "USDT");
        assertThat(fill.tradeId()).isEqualTo("9b37:1705645534425.8374:0.2962:33");
        assertThat(CoinDcxOrders.fill("botx1", "9b37", CoinDcxJson.parse(trade.toString()), "USDT").tradeId())
                .isEqualTo(fill.tradeId());
        assertThat(fill.feeCurrency()).isEqualTo("USDT");
        assertThat(fill.fee()).isEqualByComparingTo("0.00733095");
    }

    private static String body(HttpRequest request) throws InterruptedException {
        var publisher = request.bodyPublisher().orElseThrow();
        StringBuilder out = new StringBuilder();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }

            @Override public void onNext(ByteBuffer item) { out.append(StandardCharsets.UTF_8.decode(item)); }

            @Override public void onError(Throwable t) { done.countDown(); }

            @Override public void onComplete() { done.countDown(); }
        });
        done.await();
        return out.toString();
    }
}

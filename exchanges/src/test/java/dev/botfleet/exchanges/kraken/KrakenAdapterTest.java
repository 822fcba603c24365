package dev.botfleet.exchanges.kraken;

import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.VenueInstrument;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Kraken's names, errors and records mapped to ours, without a venue. */
class KrakenAdapterTest {
    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (a, b) -> true);
    private final KrakenRules rules = new KrakenRules(() -> Duration.ofSeconds(3), () -> Duration.ofSeconds(1));

    @Test
    void clientIdsAreShortUuidsThatRoundTripAndRouteByPrefix() {
        String bot = UUID.randomUUID().toString();
        KrakenClientIds ids = new KrakenClientIds(bot);
        String venueId = ids.toVenue(bot + "-42");
        assertThat(venueId).hasSize(32).matches("[0-9a-f]{32}").startsWith(ids.prefix());
        assertThat(ids.prefix()).hasSize(22).isEqualTo(bot.replace("-", "").substring(0, 22));
        assertThat(ids.fromVenue(venueId)).isEqualTo(bot + "-42");
        assertThat(ids.toVenue(bot + "-42")).as("deterministic").isEqualTo(venueId);
        String other = UUID.randomUUID().toString();
        assertThat(ids.fromVenue(new KrakenClientIds(other).toVenue(other + "-1"))).as("another bot's").isNull();
        assertThat(ids.fromVenue(venueId.toUpperCase())).isEqualTo(bot + "-42");
    }

    @Test
    void assetPairsMapToInstrumentsWithKrakenNames() {
        String json = """
                {"XBTUSDT":{"altname":"XBTUSDT","wsname":"XBT/USDT","aclass_base":"currency","base":"XXBT",
                 "aclass_quote":"currency","quote":"USDT","pair_decimals":1,"lot_decimals":8,"tick_size":"0.1",
                 "ordermin":"0.00005","costmin":"0.5","fees":[[0,0.40],[50000,0.38]],"fees_maker":[[0,0.25]],
                 "status":"online"},
                 "XETHZUSD":{"altname":"ETHUSD","aclass_base":"currency","base":"XETH","quote":"ZUSD","pair_decimals":2,
                 "lot_decimals":8,"status":"cancel_only"}}""";
        List<VenueInstrument> all = KrakenPairs.parse(KrakenRules.JSON.readTree(json));
        VenueInstrument btc = all.getFirst();
        assertThat(btc.symbol()).isEqualTo("BTC/USDT");
        assertThat(btc.venueSymbol()).isEqualTo("XBTUSDT");
        assertThat(btc.instrument().tickSize()).isEqualByComparingTo("0.1");
        assertThat(btc.instrument().lotSize()).isEqualByComparingTo("0.00000001");
        assertThat(btc.instrument().minQuantity()).isEqualByComparingTo("0.00005");
        assertThat(btc.instrument().minNotional()).isEqualByComparingTo("0.5");
        assertThat(btc.instrument().takerFee()).isEqualByComparingTo("0.004");
        assertThat(btc.instrument().makerFee()).isEqualByComparingTo("0.0025");
        assertThat(btc.trading()).isTrue();
        VenueInstrument eth = all.get(1);
        assertThat(eth.symbol()).isEqualTo("ETH/USD");
        assertThat(eth.instrument().tickSize()).as("from pair_decimals").isEqualByComparingTo("0.01");
        assertThat(eth.trading()).as("cancel_only").isFalse();
    }

    @Test
    void errorsMapToKindsWithKrakensCodeAndPlainWords() {
        assertThat(kind("EOrder:Insufficient funds")).isEqualTo(Kind.INSUFFICIENT_BALANCE);
        assertThat(kind("EOrder:Unknown order")).isEqualTo(Kind.UNKNOWN_ORDER);
        assertThat(kind("EAPI:Invalid key")).isEqualTo(Kind.AUTH);
        assertThat(kind("EAPI:Invalid signature")).isEqualTo(Kind.AUTH);
        assertThat(kind("EAPI:Invalid nonce")).isEqualTo(Kind.TIMESTAMP);
        assertThat(kind("EService:Unavailable")).isEqualTo(Kind.UNAVAILABLE);
        assertThat(kind("EService:Throttled: 1700000000")).isEqualTo(Kind.BANNED);
        assertThat(kind("EOrder:Invalid price:XBTUSDT price can only be specified up to 1 decimals.")).isEqualTo(Kind.REJECTED);
        var limited = rules.classify(200, NONE, "{\"error\":[\"EAPI:Rate limit exceeded\"]}");
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(limited.venueCode()).isEqualTo("EAPI:Rate limit exceeded");
        assertThat(limited.getMessage()).startsWith("kraken: ").contains("call counter");
        assertThat(rules.classify(200, NONE, "{\"error\":[],\"result\":{}}")).isNull();
        assertThat(rules.classify(503, NONE, "<html>").kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void executionsRecordsBecomeEvents() {
        var trade = KrakenOrders.event(KrakenRules.JSON.readTree("""
                {"exec_type":"trade","cl_ord_id":"abc","exec_id":"T0001","side":"buy","last_price":49900.00,
                 "last_qty":0.001,"liquidity_ind":"m","fees":[{"asset":"BTC","qty":0.000001}],
                 "timestamp":"2026-01-01T00:00:00.123456Z"}"""));
        assertThat(trade).isInstanceOfSatisfying(OrderEvent.OrderFilled.class, f -> {
            assertThat(f.tradeId()).isEqualTo("T0001");
            assertThat(f.price()).isEqualByComparingTo("49900.00");
            assertThat(f.quantity()).isEqualByComparingTo("0.001");
            assertThat(f.fee()).isEqualByComparingTo("0.000001");
            assertThat(f.feeCurrency()).isEqualTo("BTC");
        });
        assertThat(KrakenOrders.event(KrakenRules.JSON.readTree(
                "{\"exec_type\":\"canceled\",\"cl_ord_id\":\"a\",\"time_in_force\":\"IOC\"}")))
                .isInstanceOf(OrderEvent.OrderExpired.class);
        assertThat(KrakenOrders.event(KrakenRules.JSON.readTree(
                "{\"exec_type\":\"canceled\",\"cl_ord_id\":\"a\",\"time_in_force\":\"GTC\"}")))
                .isInstanceOf(OrderEvent.OrderCanceled.class);
        assertThat(KrakenOrders.event(KrakenRules.JSON.readTree(
                "{\"exec_type\":\"canceled\",\"cl_ord_id\":\"a\",\"reason\":\"Post only order\"}")))
                .isInstanceOf(OrderEvent.OrderRejected.class);
        assertThat(KrakenOrders.status(KrakenRules.JSON.readTree(
                "{\"status\":\"open\",\"vol\":\"0.003\",\"vol_exec\":\"0.001\"}"))).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(KrakenOrders.status(KrakenRules.JSON.readTree(
                "{\"status\":\"closed\",\"vol\":\"0.003\",\"vol_exec\":\"0.003\"}"))).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void theCounterMirrorWaitsForDecayBeforeTheLimit() {
        long[] now = {0};
        List<Long> waits = new java.util.ArrayList<>();
        KrakenCounters counters = new KrakenCounters(() -> new KrakenTier(5, 1, 60, 1), () -> now[0], millis -> {
            waits.add(millis);
            now[0] += millis;
        });
        for (int i = 0; i < 4; i++) counters.acquireCall(1);
        assertThat(waits).as("four calls fit one below the maximum of 5").isEmpty();
        counters.acquireCall(2);
        assertThat(waits).isNotEmpty();
        assertThat(now[0]).as("two units must decay at 1/s").isEqualTo(2000);
        assertThat(KrakenCounters.cancelCost(1_000)).isEqualTo(8);
        assertThat(KrakenCounters.cancelCost(60_000)).isEqualTo(2);
    }

    private Kind kind(String error) { return rules.classify(200, NONE, "{\"error\":[\"" + error + "\"]}").kind(); }
}

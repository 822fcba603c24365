package dev.botfleet.exchanges.bybit;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.exchanges.AccountInfo;
import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueException.Kind;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.bybit.FakeBybit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter's REST side against {@link FakeBybit}: reference data, orders, fills, account, refusals and faults. */
class BybitAdapterTest {
    private final BybitFixture fixture = new BybitFixture();
    private final FakeBybit fake = (FakeBybit) fixture.startFake();
    private final Venue venue = fixture.venue(fake);
    private final MarketDataClient market = venue.marketData(false);
    private final TradingClient trading = venue.trading(
            new VenueCredential(StandardSetup.API_KEY, StandardSetup.API_SECRET, false));
    private final VenueInstrument btc = market.instruments().stream()
            .filter(i -> i.symbol().equals("BTC/USDT")).findFirst().orElseThrow();

    @AfterEach
    void close() { fake.close(); }

    @Test
    void instrumentsCarryTheFiltersAndTheSymbolRoundTrips() {
        assertThat(btc.venueSymbol()).isEqualTo("BTCUSDT");
        assertThat(btc.trading()).isTrue();
        assertThat(btc.instrument().tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.instrument().lotSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.instrument().minQuantity()).isEqualByComparingTo("0.00001");
        assertThat(btc.instrument().minNotional()).isEqualByComparingTo("5");
        assertThat(btc.instrument().baseAsset()).isEqualTo("BTC");
        assertThat(btc.instrument().quoteAsset()).isEqualTo("USDT");
        BybitSymbols symbols = ((BybitTradingClient) trading).symbols();
        assertThat(symbols.venue("ETH/USDT")).isEqualTo("ETHUSDT");
        assertThat(symbols.ours("ETHUSDT")).isEqualTo("ETH/USDT");
        fake.engine().market("ETHUSDT").trading = false;
        assertThat(market.instruments()).extracting(VenueInstrument::symbol).containsExactly("BTC/USDT");
    }

    @Test
    void placesQueriesAndCancelsALimitOrderByItsClientId() {
        OrderReport placed = trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000", "0.001"),
                "botAx1");
        assertThat(placed.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(placed.clientOrderId()).isEqualTo("botAx1");
        assertThat(placed.exchangeOrderId()).isNotBlank();
        assertThat(fake.engine().openOrders(fake.account(), "BTCUSDT")).singleElement()
                .satisfies(o -> assertThat(o.quantity).isEqualByComparingTo("0.001"));
        assertThat(trading.openOrders(btc)).extracting(OrderReport::clientOrderId).containsExactly("botAx1");

        trading.cancel(btc, "botAx1");
        OrderReport canceled = trading.query(btc, "botAx1").orElseThrow();
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.exchangeOrderId()).isEqualTo(placed.exchangeOrderId());
        assertThat(trading.openOrders(btc)).isEmpty();
        assertThatThrownBy(() -> trading.cancel(btc, "botAx1")).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ORDER));
        assertThat(trading.query(btc, "neverPlaced")).isEmpty();
    }

    @Test
    void partialFillsArriveEachOnceWithPriceQuantityFeeAndFeeAsset() {
        trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49990", "0.002"), "botAx2");
        fake.engine().printTrade("BTCUSDT", "49990", "0.0005");
        assertThat(trading.query(btc, "botAx2").orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        fake.engine().printTrade("BTCUSDT", "49985", "0.01");

        OrderReport filled = trading.query(btc, "botAx2").orElseThrow();
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledQuantity()).isEqualByComparingTo("0.002");
        assertThat(filled.fills()).hasSize(2);
        assertThat(filled.fills()).extracting(OrderFilled::quantity)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("0.0005"),
                        new BigDecimal("0.0015"));
        OrderFilled first = filled.fills().getFirst();
        assertThat(first.price()).isEqualByComparingTo("49990");
        assertThat(first.fee()).isEqualByComparingTo("0.0000005");
        assertThat(first.feeCurrency()).isEqualTo("BTC");
        assertThat(first.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(first.clientOrderId()).isEqualTo("botAx2");
        assertThat(filled.fills()).extracting(OrderFilled::tradeId).doesNotHaveDuplicates();
        assertThat(trading.fills(btc, "botAx2")).isEqualTo(filled.fills());
    }

    @Test
    void aMarketBuyIsSizedInBaseCoinAndFillsAtTheAsk() {
        OrderReport report = trading.place(btc, order(OrderSide.BUY, OrderType.MARKET, TimeInForce.GTC, null, "0.001"),
                "botAx3");
        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledQuantity()).isEqualByComparingTo("0.001");
        OrderFilled fill = report.fills().getFirst();
        assertThat(fill.price()).isEqualByComparingTo("50000.01");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(fill.fee()).isEqualByComparingTo("0.000001");
        assertThat(fake.account().free("BTC")).isEqualByComparingTo("1.000999");
    }

    @Test
    void anIocThatCannotFillExpiresAndStopMarketIsRefusedLocally() {
        OrderReport ioc = trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.IOC, "49000", "0.001"),
                "botAx4");
        assertThat(ioc.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.SELL, OrderType.STOP_MARKET, TimeInForce.GTC, null,
                "0.001"), "botAx5")).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000.005",
                "0.001"), "botAx6")).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
        assertThat(fake.engine().acceptedClientIds()).containsExactly("botAx4");
    }

    @Test
    void venueRefusalsKeepBybitsCodeAndWords() {
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000", "1"),
                "botAx7")).isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INSUFFICIENT_BALANCE);
                    assertThat(e.venueCode()).isEqualTo("170131");
                    assertThat(e.getMessage()).contains("Balance insufficient");
                });
        trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000", "0.001"), "botAx8");
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000",
                "0.001"), "botAx8")).isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DUPLICATE_ORDER);
                    assertThat(e.venueCode()).isEqualTo("170141");
                });
        assertThat(fake.engine().acceptedClientIds()).containsExactly("botAx8");
    }

    @Test
    void accountReadsPermissionsAndBalances() {
        fake.account().canWithdraw = true;
        trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000", "0.001"), "botAx9");
        AccountInfo account = trading.account();
        assertThat(account.canTrade()).isTrue();
        assertThat(account.canWithdraw()).isTrue();
        Balance usdt = account.balances().stream().filter(b -> b.asset().equals("USDT")).findFirst().orElseThrow();
        assertThat(usdt.total()).isEqualByComparingTo("10000");
        assertThat(usdt.available()).isEqualByComparingTo("9951");
        fake.account().canTrade = false;
        assertThat(trading.account().canTrade()).isFalse();
    }

    @Test
    void aBadKeyIsAnAuthFailureWithBybitsCode() {
        TradingClient wrong = venue.trading(new VenueCredential("unknown-key", "whatever", true));
        assertThatThrownBy(wrong::account).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTH);
            assertThat(e.venueCode()).isEqualTo("10003");
            assertThat(e.getMessage()).doesNotContain("whatever");
        });
    }

    @Test
    void aClockOutsideTheWindowIsResyncedFromServerTimeAndTheCallSucceeds() {
        fake.clock().skew(30_000);
        assertThat(trading.account().canTrade()).isTrue();
        assertThat(market.serverTime()).isAfter(Instant.now().plusSeconds(25));
    }

    @Test
    void aLostPlaceAnswerIsAnswerLostAndTheQueryFindsTheOrderOnce() {
        fake.faults().arm(Faults.Kind.LOSE_PLACE_ANSWER, 1);
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000",
                "0.001"), "botAy1")).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.ANSWER_LOST));
        assertThat(trading.query(btc, "botAy1").orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(fake.engine().acceptedClientIds()).containsExactly("botAy1");
    }

    @Test
    void aServerErrorOnPlaceIsNotResentButAQueryIsRetried() {
        fake.faults().arm(Faults.Kind.SERVER_ERROR, 1);
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000",
                "0.001"), "botAy2")).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.ANSWER_LOST));
        assertThat(fake.engine().acceptedClientIds()).isEmpty();
        fake.faults().arm(Faults.Kind.SERVER_ERROR, 1);
        assertThat(trading.query(btc, "botAy2")).isEmpty();
    }

    @Test
    void retCode10006WaitsUntilTheResetTimestampThenSucceeds() {
        fake.faults().retryAfterSeconds = 1;
        fake.faults().arm(Faults.Kind.RATE_LIMIT, 1);
        long started = System.nanoTime();
        assertThat(trading.account().canTrade()).isTrue();
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(800);
    }

    @Test
    void anIpBanStopsEveryCallUntilItLifts() {
        fake.faults().banUntil(fake.clock().getAsLong() + 1_500);
        assertThatThrownBy(trading::account).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BANNED);
            assertThat(e.retryAfter().toMillis()).isBetween(1_000L, 2_000L);
        });
        // Same venue instance, other client: refused locally without asking the venue.
        assertThatThrownBy(market::instruments).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.BANNED));
    }

    @Test
    void theClientKeepsUnderALowerPerKeyLimitTheVenueAnnounces() {
        fake.limits().perSecond.put("/v5/order/create", 3);
        for (int i = 0; i < 7; i++) {
            trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "40000", "0.0002"), "botAz" + i);
        }
        assertThat(fake.engine().openOrders(fake.account(), "BTCUSDT")).hasSize(7);
        assertThat(fake.limits().refused()).isZero();
    }

    static OrderSnapshot order(OrderSide side, OrderType type, TimeInForce tif, String price, String qty) {
        Instant now = Instant.now();
        return new OrderSnapshot("botA", "botA-1", null, "bybit", "BTC/USDT", side, type, tif,
                price == null ? null : new BigDecimal(price), new BigDecimal(qty), OrderStatus.SUBMITTED,
                BigDecimal.ZERO, null, Map.of(), BigDecimal.ZERO, null, null, false, now, now);
    }

    static List<String> ids(List<OrderReport> reports) { return reports.stream().map(OrderReport::clientOrderId).toList(); }
}

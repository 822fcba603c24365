package dev.botfleet.exchanges.binance;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Quote;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderEvent.OrderFilled;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.MarketStreamListener;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.UserStreamListener;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.fakes.Faults;
import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.binance.FakeBinance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Binance adapter against the Binance fake, on the paths that are Binance's own. */
class BinanceAdapterTest {
    private final FakeBinance fake = new FakeBinance();
    private final BinanceVenue venue = new BinanceVenue(BinanceFixture.settings(fake));
    private final MarketDataClient market = venue.marketData(false);
    private final TradingClient trading = venue.trading(new VenueCredential(StandardSetup.API_KEY,
            StandardSetup.API_SECRET, false));

    @AfterEach
    void stop() {
        trading.close();
        market.close();
        fake.close();
    }

    private VenueInstrument btc() {
        return market.instruments().stream().filter(i -> i.symbol().equals("BTC/USDT")).findFirst().orElseThrow();
    }

    private static OrderSnapshot order(OrderSide side, OrderType type, TimeInForce tif, String price, String qty) {
        Instant now = Instant.now();
        return new OrderSnapshot("bot", "bot-1", null, "binance", "BTC/USDT", side, type, tif,
                price == null ? null : new BigDecimal(price), new BigDecimal(qty), OrderStatus.SUBMITTED,
                BigDecimal.ZERO, null, Map.of(), BigDecimal.ZERO, null, null, false, now, now);
    }

    @Test
    void instrumentsCarryBinanceFiltersAndSymbolsRoundTrip() {
        List<VenueInstrument> all = market.instruments();
        VenueInstrument btc = all.stream().filter(i -> i.venueSymbol().equals("BTCUSDT")).findFirst().orElseThrow();

        assertThat(btc.symbol()).isEqualTo("BTC/USDT");
        assertThat(btc.instrument().exchange()).isEqualTo("binance");
        assertThat(btc.instrument().tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.instrument().lotSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.instrument().minQuantity()).isEqualByComparingTo("0.00001");
        assertThat(btc.instrument().minNotional()).isEqualByComparingTo("5");
        assertThat(btc.trading()).isTrue();
        assertThat(all).extracting(VenueInstrument::venueSymbol).contains("ETHUSDT");

        fake.engine().market("BTCUSDT").trading = false;
        assertThat(btc().trading()).isFalse();
    }

    @Test
    void placeQueryCancelByClientOrderId() {
        VenueInstrument btc = btc();
        OrderReport placed = trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000.00", "0.001"), "cid-1");
        assertThat(placed.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(placed.clientOrderId()).isEqualTo("cid-1");
        assertThat(placed.exchangeOrderId()).isNotBlank();

        OrderReport queried = trading.query(btc, "cid-1").orElseThrow();
        assertThat(queried.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(queried.exchangeOrderId()).isEqualTo(placed.exchangeOrderId());
        assertThat(trading.openOrders(btc)).extracting(OrderReport::clientOrderId).containsExactly("cid-1");

        trading.cancel(btc, "cid-1");
        assertThat(trading.query(btc, "cid-1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThatThrownBy(() -> trading.cancel(btc, "cid-1")).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.kind()).isEqualTo(VenueException.Kind.UNKNOWN_ORDER);
            assertThat(e.venueCode()).isEqualTo("-2011");
        });
        assertThat(trading.query(btc, "never-placed")).isEmpty();
    }

    @Test
    void partialFillsComeBackWithTradeIdsFeesAndFeeAsset() {
        VenueInstrument btc = btc();
        trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49900.00", "0.003"), "cid-p");
        fake.engine().printTrade("BTCUSDT", "49900.00", "0.001");
        assertThat(trading.query(btc, "cid-p").orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        fake.engine().printTrade("BTCUSDT", "49850.00", "0.005");

        OrderReport report = trading.query(btc, "cid-p").orElseThrow();
        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledQuantity()).isEqualByComparingTo("0.003");
        assertThat(report.fills()).hasSize(2);
        OrderFilled first = report.fills().getFirst();
        assertThat(first.price()).isEqualByComparingTo("49900.00");
        assertThat(first.quantity()).isEqualByComparingTo("0.001");
        assertThat(first.fee()).isEqualByComparingTo("0.000001");
        assertThat(first.feeCurrency()).isEqualTo("BTC");
        assertThat(first.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(report.fills().get(1).quantity()).isEqualByComparingTo("0.002");
        assertThat(report.fills()).extracting(OrderFilled::tradeId).doesNotHaveDuplicates();
        assertThat(trading.fills(btc, "cid-p")).isEqualTo(report.fills());
    }

    @Test
    void marketOrderReturnsItsTakerFillsAndMovesBalances() {
        VenueInstrument btc = btc();
        OrderReport report = trading.place(btc, order(OrderSide.SELL, OrderType.MARKET, TimeInForce.GTC, null, "0.01"), "cid-m");

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        OrderFilled fill = report.fills().getFirst();
        assertThat(fill.price()).isEqualByComparingTo("50000.00");
        assertThat(fill.fee()).isEqualByComparingTo("0.5");
        assertThat(fill.feeCurrency()).isEqualTo("USDT");
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        Balance usdt = trading.account().balances().stream().filter(b -> b.asset().equals("USDT")).findFirst().orElseThrow();
        assertThat(usdt.total()).isEqualByComparingTo("10499.5");
        assertThat(trading.account().canTrade()).isTrue();
        assertThat(trading.account().canWithdraw()).isFalse();
    }

    @Test
    void venueRefusalsBecomeTypedExceptionsWithBinanceCodes() {
        VenueInstrument btc = btc();
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000.00", "1"), "cid-big"))
                .isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VenueException.Kind.INSUFFICIENT_BALANCE);
                    assertThat(e.venueCode()).isEqualTo("-2010");
                });
        trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000.00", "0.001"), "cid-d");
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000.00", "0.001"), "cid-d"))
                .isInstanceOfSatisfying(VenueException.class, e -> assertThat(e.kind()).isEqualTo(VenueException.Kind.DUPLICATE_ORDER));
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.STOP_MARKET, TimeInForce.GTC, null, "0.001"), "cid-s"))
                .isInstanceOfSatisfying(VenueException.class, e -> assertThat(e.kind()).isEqualTo(VenueException.Kind.UNSUPPORTED));
        fake.engine().market("BTCUSDT").tickSize = new BigDecimal("1.00");
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000.50", "0.001"), "cid-f"))
                .isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VenueException.Kind.REJECTED);
                    assertThat(e.getMessage()).contains("Filter failure: PRICE_FILTER").contains("-1013");
                });
        try (TradingClient stranger = venue.trading(new VenueCredential("unknown-key", "x", false))) {
            assertThatThrownBy(stranger::account).isInstanceOfSatisfying(VenueException.class, e -> {
                assertThat(e.kind()).isEqualTo(VenueException.Kind.AUTH);
                assertThat(e.venueCode()).isEqualTo("-2015");
                assertThat(e.getMessage()).doesNotContain("unknown-key");
            });
        }
    }

    @Test
    void iocThatCannotFillComesBackExpired() {
        OrderReport report = trading.place(btc(), order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.IOC, "49000.00", "0.001"), "cid-ioc");
        assertThat(report.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(report.fills()).isEmpty();
    }

    @Test
    void aLostPlaceAnswerIsAnswerLostAndTheOrderIsFoundByQuery() {
        VenueInstrument btc = btc();
        fake.faults().arm(Faults.Kind.LOSE_PLACE_ANSWER, 1);
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000.00", "0.001"), "cid-l"))
                .isInstanceOfSatisfying(VenueException.class, e -> assertThat(e.kind()).isEqualTo(VenueException.Kind.ANSWER_LOST));
        assertThat(trading.query(btc, "cid-l").orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);

        fake.faults().arm(Faults.Kind.SERVER_ERROR, 1);
        assertThatThrownBy(() -> trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49000.00", "0.001"), "cid-5"))
                .isInstanceOfSatisfying(VenueException.class, e -> assertThat(e.kind()).isEqualTo(VenueException.Kind.ANSWER_LOST));
        fake.faults().arm(Faults.Kind.SERVER_ERROR, 1);
        assertThat(trading.openOrders(btc)).hasSize(1); // a query is retried past the 503
        assertThat(fake.engine().acceptedClientIds()).containsExactly("cid-l");
    }

    @Test
    void aClockBehindTheVenueIsResyncedAndTheRequestSignedAgain() {
        fake.clock().skew(30_000);
        assertThat(trading.account().canTrade()).isTrue();
        assertThat(trading.openOrders(btc())).isEmpty();
    }

    @Test
    void theTestnetFlagSelectsTheTestnetEndpoints() {
        VenueEndpoints nowhere = new VenueEndpoints("http://127.0.0.1:9", "ws://127.0.0.1:9", "ws://127.0.0.1:9/ws-api/v3");
        VenueEndpoints fakeEndpoints = new VenueEndpoints(fake.restUrl(), fake.marketStreamUrl(), fake.userStreamUrl());
        BinanceVenue split = new BinanceVenue(new VenueSettings(nowhere, fakeEndpoints, Duration.ofSeconds(5), Duration.ofSeconds(2)));

        assertThat(split.hasTestnet()).isTrue();
        try (TradingClient testnet = split.trading(new VenueCredential(StandardSetup.API_KEY, StandardSetup.API_SECRET, true))) {
            assertThat(testnet.account().canTrade()).isTrue();
        }
        assertThat(split.marketData(true).instruments()).isNotEmpty();
    }

    @Test
    void theOrderLimiterFollowsTheLimitsBinancePublishes() {
        fake.limitOrders(3, 1_000);
        VenueInstrument btc = btc(); // reloads exchangeInfo: ORDERS 3 per second
        long started = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "40000.00", "0.0002"), "burst-" + i);
        }
        assertThat(fake.rateLimitRefusals()).isZero();
        assertThat(fake.engine().acceptedClientIds()).hasSize(5);
        assertThat(System.currentTimeMillis() - started).as("held back to stay under the limit").isGreaterThan(400);
    }

    @Test
    void userStreamDeliversFillsUnderTheVenueClientIdOnceAndComesBack() {
        VenueInstrument btc = btc();
        List<OrderEvent> events = new CopyOnWriteArrayList<>();
        List<Balance> balances = new CopyOnWriteArrayList<>();
        AtomicInteger reconnects = new AtomicInteger();
        UserStreamListener listener = new UserStreamListener() {
            @Override public void onOrderEvent(String symbol, OrderEvent event) {
                assertThat(symbol).isEqualTo("BTC/USDT");
                events.add(event);
            }

            @Override public void onBalance(Balance balance) { balances.add(balance); }

            @Override public void onStreamLive(boolean afterDrop) { if (afterDrop) reconnects.incrementAndGet(); }
        };
        try (StreamHandle stream = trading.openUserStream(listener)) {
            Await.until("user stream subscribed", () -> stream.connected() && fake.subscribedUserStreams() == 1);
            fake.faults().arm(Faults.Kind.DUPLICATE_EXECUTION_REPORTS, 100);
            trading.place(btc, order(OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, "49900.00", "0.002"), "cid-u");
            fake.engine().printTrade("BTCUSDT", "49900.00", "0.0005");

            Await.until("a fill", () -> events.stream().anyMatch(e -> e instanceof OrderFilled));
            assertThat(events.getFirst()).isInstanceOf(OrderEvent.OrderAccepted.class);
            OrderFilled fill = (OrderFilled) events.stream().filter(e -> e instanceof OrderFilled).findFirst().orElseThrow();
            assertThat(fill.clientOrderId()).isEqualTo("cid-u");
            assertThat(fill.quantity()).isEqualByComparingTo("0.0005");
            assertThat(fill.fee()).isEqualByComparingTo("0.0000005");
            assertThat(fill.feeCurrency()).isEqualTo("BTC");
            assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
            Await.until("balances", () -> balances.stream().anyMatch(b -> b.asset().equals("BTC")));
            fake.faults().clear();

            fake.dropUserStreams();
            Await.until("resubscribed after the drop", () -> reconnects.get() == 1 && fake.subscribedUserStreams() == 1);
            trading.cancel(btc, "cid-u");
            Await.until("the cancel", () -> events.stream().anyMatch(e -> e instanceof OrderEvent.OrderCanceled));
            assertThat(events.stream().filter(e -> e instanceof OrderEvent.OrderCanceled).findFirst().orElseThrow()
                    .clientOrderId()).isEqualTo("cid-u");
            assertThat(events.stream().filter(e -> e instanceof OrderFilled)).hasSize(1);
        }
    }

    @Test
    void marketStreamDeliversTicksQuotesAndClosedCandlesAndBackfillsAGap() {
        VenueInstrument btc = btc();
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        List<Quote> quotes = new CopyOnWriteArrayList<>();
        List<Candle> candles = new CopyOnWriteArrayList<>();
        AtomicInteger reconnects = new AtomicInteger();
        MarketStreamListener listener = new MarketStreamListener() {
            @Override public void onTick(Tick tick) { ticks.add(tick); }

            @Override public void onCandle(Candle candle) { candles.add(candle); }

            @Override public void onQuote(Quote quote) { quotes.add(quote); }

            @Override public void onReconnected() { reconnects.incrementAndGet(); }
        };
        long startMinute = fake.clock().getAsLong() / 60_000 * 60_000;
        try (StreamHandle stream = market.openMarketStream(Set.of(btc), listener)) {
            Await.until("market stream up", () -> stream.connected() && fake.marketStreamSockets() == 1);
            fake.engine().printTrade("BTCUSDT", "50010.00", "0.25");
            Await.until("tick and quote", () -> !ticks.isEmpty() && !quotes.isEmpty());
            assertThat(ticks.getFirst().symbol()).isEqualTo("BTC/USDT");
            assertThat(ticks.getFirst().price()).isEqualTo(50010.00);
            assertThat(quotes.getFirst().ask()).isEqualTo(50010.01);
            long tradeMinute = ticks.getFirst().timestamp() / 60_000 * 60_000;

            fake.clock().skew(60_000);
            Await.until("the closed candle from the stream", () -> !candles.isEmpty());
            assertThat(candles.getFirst().openTime()).isEqualTo(tradeMinute);
            assertThat(candles.getFirst().close()).isEqualTo(50010.00);
            assertThat(candles.getFirst().volume()).isEqualTo(0.25);

            // While the stream is away, two more minutes close; only REST klines can tell us about them.
            fake.dropMarketStreams();
            fake.engine().seedCandle("BTCUSDT", tradeMinute + 60_000, "50010", "50020", "50000", "50015", "1");
            fake.engine().seedCandle("BTCUSDT", tradeMinute + 120_000, "50015", "50030", "50010", "50025", "2");
            fake.clock().skew(180_000);
            Await.until("reconnected and backfilled", () -> reconnects.get() >= 1 && candles.size() >= 3);
            assertThat(candles).extracting(Candle::openTime)
                    .containsExactly(tradeMinute, tradeMinute + 60_000, tradeMinute + 120_000);
            assertThat(candles.get(2).close()).isEqualTo(50025.0);
            assertThat(startMinute).isLessThanOrEqualTo(tradeMinute);
        }
    }
}

package dev.botfleet.exchanges.contract;

import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.exchanges.ClientIdCodec;
import dev.botfleet.exchanges.MarketStreamListener;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.http.VenueGate;
import dev.botfleet.fakes.Faults;
import dev.botfleet.exchanges.live.AccountSession;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conformance matrix of ../shared/reference/exchanges.md §4, robustness half (C10-C16, C18, C20): what a live
 * venue does to a client — errors, limits, bans, clock drift, bad keys, dropped streams, restarts — and what must hold.
 */
public abstract class RobustnessConformance extends Conformance {

    static VenueException.Kind kindOf(Runnable call) {
        try {
            call.run();
            return null;
        } catch (VenueException e) {
            return e.kind();
        }
    }

    @Test
    void c10_serverErrorsAreRetriedForQueriesAndResolvedByQueryForSubmits() {
        TradingClient client = h.account.client();
        h.fake.faults().arm(Faults.Kind.SERVER_ERROR, 1);
        assertThat(client.openOrders(h.btc())).isEmpty();

        TestBot bot = h.bot();
        h.fake.faults().arm(Faults.Kind.SERVER_ERROR, 1);
        String refused = bot.submit(limit(OrderSide.BUY, "0.001", "49000.00"));
        bot.awaitStatus(refused, OrderStatus.REJECTED);
        assertThat(h.accepted()).as("an order the venue did not take is not sent again").isEmpty();

        String resting = bot.submit(limit(OrderSide.BUY, "0.001", "49000.00"));
        bot.awaitStatus(resting, OrderStatus.ACCEPTED);
        h.fake.faults().arm(Faults.Kind.SERVER_ERROR, 1);
        bot.cancel(resting);
        bot.awaitStatus(resting, OrderStatus.CANCELED);
    }

    @Test
    void c11_rateLimitWaitsAsToldAndABanStopsEveryCallUntilItLifts() {
        TradingClient client = h.account.client();
        h.fake.faults().retryAfterSeconds = 1;
        h.fake.faults().arm(Faults.Kind.RATE_LIMIT, 1);
        long started = System.currentTimeMillis();
        assertThat(client.openOrders(h.btc())).isEmpty();
        assertThat(System.currentTimeMillis() - started).as("waited the Retry-After").isGreaterThanOrEqualTo(900);

        // A venue without bans (Coinbase) only answers 429: the wait above is all there is to check.
        if (!fixture().bansAddresses()) return;
        h.fake.faults().banUntil(h.fake.clock().getAsLong() + 1_500);
        assertThat(kindOf(() -> client.openOrders(h.btc()))).isEqualTo(VenueException.Kind.BANNED);
        try (TradingClient other = h.venue.trading(new VenueCredential("another-key-0123456789", "s", false))) {
            assertThatThrownBy(other::account).isInstanceOfSatisfying(VenueException.class, e -> {
                assertThat(e.kind()).isEqualTo(VenueException.Kind.BANNED);
                assertThat(e.getMessage()).contains("not sent");
            });
        }
        Await.until("ban lifted", () -> kindOf(() -> client.openOrders(h.btc())) == null);
    }

    /**
     * A cluster's nodes share the venue's patience: the wait the venue asked of this process reaches the gate's watcher
     * (to be passed to the other nodes), and a wait heard from another node holds this process's calls back too,
     * without being passed on again.
     */
    @Test
    void c11b_theVenuesWaitIsToldToTheGatesWatcherAndAWaitFromElsewhereHoldsCallsBack() {
        VenueGate gate = h.venue.gates().get(dev.botfleet.exchanges.Venue.MAIN_NETWORK);
        assertThat(gate).as("the venue's gate on its main network").isNotNull();
        List<String> told = new CopyOnWriteArrayList<>();
        gate.watch((ban, millis) -> told.add(ban ? "ban" : "pause"));
        TradingClient client = h.account.client();
        h.fake.faults().retryAfterSeconds = 1;
        h.fake.faults().arm(Faults.Kind.RATE_LIMIT, 1);
        assertThat(client.openOrders(h.btc())).isEmpty();
        assertThat(told).containsExactly("pause");

        gate.hold(false, 800);
        long started = System.currentTimeMillis();
        assertThat(client.openOrders(h.btc())).isEmpty();
        assertThat(System.currentTimeMillis() - started).as("held back by the wait heard from elsewhere").isGreaterThanOrEqualTo(700);
        assertThat(told).as("a wait heard from elsewhere is not passed on again").containsExactly("pause");
    }

    @Test
    void c12_aTimestampOutsideTheWindowResyncsTheClock() {
        h.fake.clock().skew(fixture().refusedClockSkewMillis());
        assertThat(h.account.client().openOrders(h.btc())).isEmpty();
        TestBot bot = h.bot();
        String id = bot.submit(limit(OrderSide.BUY, "0.001", "49000.00"));
        bot.awaitStatus(id, OrderStatus.ACCEPTED);
    }

    @Test
    void c13_aBadKeyFailsWithTheVenuesWordsAndARevokedKeyFailsTheBot() {
        try (TradingClient wrong = h.venue.trading(new VenueCredential("wrong-key-0123456789", "wrong", false))) {
            assertThatThrownBy(wrong::account).isInstanceOfSatisfying(VenueException.class, e -> {
                assertThat(e.kind()).isEqualTo(VenueException.Kind.AUTH);
                assertThat(e.venueCode()).isNotBlank();
                assertThat(e.getMessage()).contains(fixture().venue()).doesNotContain("wrong-key-0123456789");
            });
        }
        TestBot bot = h.bot();
        h.fakeAccount.revoked = true;
        String id = bot.submit(limit(OrderSide.BUY, "0.001", "49000.00"));
        bot.awaitStatus(id, OrderStatus.REJECTED);
        Await.until("bot told to fail", () -> bot.alarms.stream().anyMatch(a -> a.startsWith("FAILED")));
    }

    @Test
    void c14_fillsMadeWhileTheUserStreamIsAwayAreBackfilledOnce() {
        TestBot bot = h.bot();
        String id = bot.submit(limit(OrderSide.BUY, "0.002", "49900.00"));
        bot.awaitStatus(id, OrderStatus.ACCEPTED);
        h.fake.dropUserStreams();
        h.fake.engine().printTrade(fixture().btcUsdt(), "49900.00", "0.002");
        bot.awaitStatus(id, OrderStatus.FILLED);
        Await.until("user stream back", () -> h.fake.subscribedUserStreams() > 0);
        assertThat(bot.fillsOf(id)).hasSize(1);
        assertThat(bot.order(id).filledQuantity()).isEqualByComparingTo("0.002");
    }

    /**
     * A bot may place an order before its account's user stream has confirmed its first subscription (a token fetch, a
     * login and a subscribe take a while): a fill in that window is never pushed, so it must be fetched once the
     * stream is live — as after a drop.
     */
    @Test
    void c14b_aFillMadeBeforeTheUserStreamFirstWentLiveIsBackfilledOnce() {
        AccountSession late = h.unopenedAccount();
        // the balances open() would load first (same venue account as the standard session)
        for (String asset : List.of(fixture().quoteAsset(), "BTC")) late.onBalance(h.account.balance(asset).orElseThrow());
        TestBot bot = h.bot(late);
        String id = bot.submit(limit(OrderSide.BUY, "0.002", "49900.00"));
        bot.awaitStatus(id, OrderStatus.ACCEPTED); // from the REST answer: the stream is not open yet
        int streamsBefore = h.fake.subscribedUserStreams();
        h.fake.engine().printTrade(fixture().btcUsdt(), "49900.00", "0.002");
        late.open();
        Await.until("the late session's stream subscribed", () -> h.fake.subscribedUserStreams() > streamsBefore);
        bot.awaitStatus(id, OrderStatus.FILLED);
        assertThat(bot.fillsOf(id)).hasSize(1);
        assertThat(bot.order(id).filledQuantity()).isEqualByComparingTo("0.002");
    }

    @Test
    void c15_duplicateAndReorderedExecutionReportsApplyOnce() {
        TestBot bot = h.bot();
        h.fake.faults().arm(Faults.Kind.DUPLICATE_EXECUTION_REPORTS, 100);
        String a = bot.submit(limit(OrderSide.BUY, "0.002", "49900.00"));
        bot.awaitStatus(a, OrderStatus.ACCEPTED);
        h.fake.engine().printTrade(fixture().btcUsdt(), "49900.00", "0.001");
        h.fake.engine().printTrade(fixture().btcUsdt(), "49900.00", "0.001");
        bot.awaitStatus(a, OrderStatus.FILLED);
        h.fake.faults().clear();

        h.fake.faults().arm(Faults.Kind.REORDER_EXECUTION_REPORTS, 3);
        String b = bot.submit(limit(OrderSide.BUY, "0.003", "49800.00"));
        bot.awaitStatus(b, OrderStatus.ACCEPTED);
        for (int i = 0; i < 3; i++) h.fake.engine().printTrade(fixture().btcUsdt(), "49800.00", "0.001");
        bot.awaitStatus(b, OrderStatus.FILLED);

        assertThat(bot.fillsOf(a)).hasSize(2);
        assertThat(bot.fillsOf(b)).hasSize(3).extracting(Fill::tradeId).doesNotHaveDuplicates();
        assertThat(bot.order(b).filledQuantity()).isEqualByComparingTo("0.003");
        // Binance and Bybit charge a buy's commission in the asset received: the position holds 0.005 BTC less them.
        // Coinbase charges it in USDT: the position then holds the full 0.005 BTC.
        BigDecimal baseFees = bot.fills.stream().filter(f -> f.feeCurrency().equals("BTC")).map(Fill::fee)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(bot.fills).hasSize(5);
        BigDecimal position = bot.act(c -> c.position().quantity());
        assertThat(position).isEqualByComparingTo(new BigDecimal("0.005").subtract(baseFees));
    }

    @Test
    void c16_aDroppedMarketStreamReconnectsAndBackfillsClosedCandles() {
        List<Candle> candles = new CopyOnWriteArrayList<>();
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        MarketStreamListener listener = new MarketStreamListener() {
            @Override public void onTick(Tick tick) { ticks.add(tick); }

            @Override public void onCandle(Candle candle) { candles.add(candle); }
        };
        try (StreamHandle stream = h.market.openMarketStream(Set.of(h.btc()), listener)) {
            Await.until("market stream up", stream::connected);
            h.fake.engine().printTrade(fixture().btcUsdt(), "50001.00", "0.1");
            Await.until("a tick", () -> !ticks.isEmpty());
            assertThat(ticks.getFirst().price()).isEqualTo(50001.00);
            assertThat(ticks.getFirst().symbol()).isEqualTo(fixture().symbol());

            h.fake.dropMarketStreams();
            h.fake.clock().skew(60_000);
            h.fake.engine().printTrade(fixture().btcUsdt(), "50002.00", "0.1");
            h.fake.clock().skew(120_000);
            h.fake.engine().printTrade(fixture().btcUsdt(), "50003.00", "0.1");
            Await.until("two closed candles", () -> candles.size() >= 2);
            long first = h.fake.engine().klines(fixture().btcUsdt(), 0, Long.MAX_VALUE, 10).getFirst()[0] instanceof Long l
                    ? l : -1;
            List<Long> opens = new ArrayList<>(candles.stream().map(Candle::openTime).toList());
            assertThat(opens).doesNotHaveDuplicates().contains(first, first + 60_000);
        }
    }

    @Test
    void c18_aRestartReconcilesInFlightOrdersByClientOrderId() {
        String botId = UUID.randomUUID().toString();
        ClientIdCodec ids = h.account.client().clientIds(botId);
        TestBot before = h.bot(botId, null);
        String filledWhileDown = before.submit(limit(OrderSide.BUY, "0.001", "49900.00"));
        before.awaitStatus(filledWhileDown, OrderStatus.ACCEPTED);
        OrderSnapshot accepted = before.order(filledWhileDown);
        before.close(); // the process dies
        h.fake.engine().printTrade(fixture().btcUsdt(), "49900.00", "0.001");

        // Journaled but never sent, and sent-and-accepted but never acknowledged (the answer died with the process).
        OrderSnapshot neverSent = unsent(accepted, botId + "-2", "48000.00");
        OrderSnapshot sentUnacknowledged = unsent(accepted, botId + "-3", "47000.00");
        h.account.client().place(h.btc(), sentUnacknowledged, ids.toVenue(sentUnacknowledged.clientOrderId()));

        TestBot after = h.bot(botId, new KernelState(4, List.of(accepted, neverSent, sentUnacknowledged), List.of()));
        after.awaitStatus(filledWhileDown, OrderStatus.FILLED);
        after.awaitStatus(neverSent.clientOrderId(), OrderStatus.ACCEPTED);
        after.awaitStatus(sentUnacknowledged.clientOrderId(), OrderStatus.ACCEPTED);
        assertThat(after.fillsOf(filledWhileDown)).hasSize(1);
        assertThat(h.accepted()).containsExactlyInAnyOrder(ids.toVenue(filledWhileDown),
                ids.toVenue(neverSent.clientOrderId()), ids.toVenue(sentUnacknowledged.clientOrderId()));
    }

    private static OrderSnapshot unsent(OrderSnapshot like, String id, String price) {
        return new OrderSnapshot(like.botId(), id, null, like.exchange(), like.symbol(), like.side(), like.type(),
                like.timeInForce(), new BigDecimal(price), like.quantity(), OrderStatus.SUBMITTED, BigDecimal.ZERO, null,
                java.util.Map.of(), BigDecimal.ZERO, null, null, false, like.createdAt(), like.updatedAt());
    }

    @Test
    void c20_aBurstOfOrdersStaysUnderTheVenuesLimit() {
        h.fake.limitOrders(10, 1_000);
        h.instruments.refresh();
        TestBot bot = h.bot();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) ids.add(bot.submit(limit(OrderSide.BUY, fixture().listing().smallQuantity(), "40000.00")));
        for (String id : ids) bot.awaitStatus(id, OrderStatus.ACCEPTED);
        assertThat(h.fake.rateLimitRefusals()).isZero();
        assertThat(h.accepted()).hasSize(25);
    }
}

package dev.botfleet.exchanges.contract;

import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.exchanges.ClientIdCodec;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.fakes.FakeOrder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conformance matrix of ../shared/reference/exchanges.md §4, trading half (C01-C09, C17, C19): every venue adapter
 * passes it against its fake, through the same kernel, mailbox and live port the server uses.
 */
public abstract class TradingConformance extends Conformance {

    static BigDecimal dec(String s) { return new BigDecimal(s); }

    @Test
    void c01_instrumentsAreMappedAndSymbolsRoundTrip() {
        VenueInstrument btc = h.btc();
        assertThat(btc.venueSymbol()).isEqualTo(fixture().btcUsdt());
        assertThat(btc.instrument().exchange()).isEqualTo(fixture().venue());
        assertThat(btc.instrument().baseAsset()).isEqualTo("BTC");
        assertThat(btc.instrument().quoteAsset()).isEqualTo("USDT");
        assertThat(btc.instrument().tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.instrument().lotSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.instrument().minQuantity()).isEqualByComparingTo("0.00001");
        assertThat(btc.instrument().minNotional()).isEqualByComparingTo("5");
        assertThat(btc.trading()).isTrue();
        assertThat(h.instruments.findVenueSymbol(fixture().btcUsdt()).orElseThrow().symbol()).isEqualTo("BTC/USDT");
        assertThat(h.instruments.find("ETH/USDT").orElseThrow().instrument().lotSize()).isEqualByComparingTo("0.0001");

        h.fake.engine().market(fixture().btcUsdt()).trading = false;
        h.instruments.refresh();
        assertThat(h.btc().trading()).as("a halted market is reported as not trading").isFalse();
    }

    @Test
    void c02_limitBelowMarketRestsIsQueriedAndCanceled() {
        TestBot bot = h.bot();
        String id = bot.submit(limit(OrderSide.BUY, "0.001", "49000.00"));
        bot.awaitStatus(id, OrderStatus.ACCEPTED);
        assertThat(bot.order(id).exchangeOrderId()).isNotBlank();

        OrderReport report = bot.port.query(id).orElseThrow();
        assertThat(report.clientOrderId()).isEqualTo(id);
        assertThat(report.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(report.exchangeOrderId()).isEqualTo(bot.order(id).exchangeOrderId());

        bot.cancel(id);
        bot.awaitStatus(id, OrderStatus.CANCELED);
        assertThat(bot.statuses.get(id)).containsSubsequence(OrderStatus.SUBMITTED, OrderStatus.ACCEPTED,
                OrderStatus.PENDING_CANCEL, OrderStatus.CANCELED);
        String venueId = h.account.client().clientIds(bot.botId).toVenue(id);
        FakeOrder atVenue = fixture().findOrder(h.fake, h.fakeAccount, venueId, bot.order(id).exchangeOrderId());
        assertThat(atVenue.status).isEqualTo(FakeOrder.Status.CANCELED);
        assertThat(venueId.length()).isLessThanOrEqualTo(36);
    }

    @Test
    void c03_partialFillsArriveOnceEachWithFees() {
        TestBot bot = h.bot();
        String id = bot.submit(limit(OrderSide.BUY, "0.003", "49900.00"));
        bot.awaitStatus(id, OrderStatus.ACCEPTED);
        h.fake.engine().printTrade(fixture().btcUsdt(), "49900.00", "0.001");
        bot.awaitStatus(id, OrderStatus.PARTIALLY_FILLED);
        h.fake.engine().printTrade(fixture().btcUsdt(), "49899.00", "0.001");
        h.fake.engine().printTrade(fixture().btcUsdt(), "49900.00", "0.005");
        bot.awaitStatus(id, OrderStatus.FILLED);

        List<Fill> fills = bot.fillsOf(id);
        assertThat(fills).hasSize(3);
        assertThat(fills).extracting(Fill::tradeId).doesNotHaveDuplicates().doesNotContainNull();
        String feeAsset = fixture().feeAsset(OrderSide.BUY);
        for (Fill f : fills) {
            assertThat(f.price()).isEqualByComparingTo("49900.00");
            assertThat(f.quantity()).isEqualByComparingTo("0.001");
            // 0.1% of what was received: 0.001 BTC on spot, 49.9 USDT of notional on a USDT perpetual.
            assertThat(f.fee()).isEqualByComparingTo(feeAsset.equals("BTC") ? "0.000001" : "0.0499");
            assertThat(f.feeCurrency()).isEqualTo(feeAsset);
        }
        assertThat(bot.order(id).filledQuantity()).isEqualByComparingTo("0.003");
        assertThat(bot.order(id).averagePrice()).isEqualByComparingTo("49900.00");
        assertThat(bot.port.query(id).orElseThrow().fills()).hasSize(3);
    }

    @Test
    void c04_marketBuyAndSellMoveBalancesByExactlyFillsAndFees() {
        TestBot bot = h.bot();
        bot.runner.onTick(new Tick(fixture().venue(), "BTC/USDT", System.currentTimeMillis(), 50000.00, 0.1));
        String buy = bot.submit(OrderRequest.market(OrderSide.BUY, dec("0.01")));
        bot.awaitStatus(buy, OrderStatus.FILLED);
        String sell = bot.submit(OrderRequest.market(OrderSide.SELL, dec("0.01")));
        bot.awaitStatus(sell, OrderStatus.FILLED);

        Fill b = bot.fillsOf(buy).getFirst();
        Fill s = bot.fillsOf(sell).getFirst();
        assertThat(b.price()).isEqualByComparingTo("50000.01");
        assertThat(s.price()).isEqualByComparingTo("50000.00");
        if (fixture().perpetual()) {
            // A USDT perpetual: the round trip realizes (50000.00 - 50000.01) x 0.01 and pays both fees in USDT; no BTC moves.
            assertThat(b.feeCurrency()).isEqualTo("USDT");
            assertThat(s.feeCurrency()).isEqualTo("USDT");
            assertThat(b.fee()).isEqualByComparingTo("0.5000001");
            assertThat(s.fee()).isEqualByComparingTo("0.5");
            assertThat(h.fakeAccount.free("BTC")).isEqualByComparingTo("1");
            BigDecimal usdt = dec("10000").subtract(dec("0.0001")).subtract(b.fee()).subtract(s.fee());
            assertThat(h.fakeAccount.free("USDT").add(h.fakeAccount.locked("USDT"))).isEqualByComparingTo(usdt);
            Await.until("balance cache follows the venue", () -> h.account.balance("USDT").orElseThrow().total()
                    .compareTo(usdt) == 0);
            return;
        }
        // Buy: +0.01 BTC less a 0.1% BTC fee, -500.0001 USDT. Sell: -0.01 BTC, +500.00 USDT less a 0.1% USDT fee.
        BigDecimal buyFeeInBase = fixture().feesInQuote() ? BigDecimal.ZERO : b.fee();
        BigDecimal buyFeeInQuote = fixture().feesInQuote() ? b.fee() : BigDecimal.ZERO;
        assertThat(h.fakeAccount.free("BTC")).isEqualByComparingTo(dec("1").add(dec("0.01")).subtract(buyFeeInBase)
                .subtract(dec("0.01")));
        assertThat(h.fakeAccount.free("USDT")).isEqualByComparingTo(dec("10000").subtract(dec("500.0001"))
                .subtract(buyFeeInQuote).add(dec("500.00")).subtract(s.fee()));
        assertThat(b.fee()).isPositive();
        assertThat(b.feeCurrency()).isEqualTo(fixture().feesInQuote() ? "USDT" : "BTC");
        assertThat(s.feeCurrency()).isEqualTo("USDT");
        Await.until("balance cache follows the venue", () -> h.account.balance("USDT").orElseThrow().total()
                .compareTo(h.fakeAccount.free("USDT").add(h.fakeAccount.locked("USDT"))) == 0);
    }

    @Test
    void c05_iocThatCannotFillExpires() {
        TestBot bot = h.bot();
        String id = bot.submit(limit(OrderSide.BUY, "0.001", "49000.00").withTimeInForce(TimeInForce.IOC));
        bot.awaitStatus(id, OrderStatus.EXPIRED);
        assertThat(bot.fillsOf(id)).isEmpty();
    }

    @Test
    void c06_precisionIsDeniedLocallyAndAVenueFilterRefusalIsNamed() {
        TestBot bot = h.bot();
        String offTick = bot.submit(limit(OrderSide.BUY, "0.001", "49000.005"));
        assertThat(bot.status(offTick)).isEqualTo(OrderStatus.DENIED);
        assertThat(h.accepted()).isEmpty();

        // The venue tightens its tick while we still hold the old one: its refusal comes back in its own words.
        h.fake.engine().market(fixture().btcUsdt()).tickSize = dec("1.00");
        String refused = bot.submit(limit(OrderSide.BUY, "0.001", "49000.50"));
        bot.awaitStatus(refused, OrderStatus.REJECTED);
        assertThat(bot.order(refused).reason()).contains(fixture().venue()).containsPattern("(?i)filter|price|tick");
        assertThat(h.accepted()).isEmpty();
    }

    @Test
    void c07_insufficientBalanceAtTheVenueIsRejectedNotRetried() {
        TestBot bot = h.bot();
        h.fakeAccount.deposit("USDT", "-9990"); // spent elsewhere: our cache still believes 10,000
        String id = bot.submit(limit(OrderSide.BUY, "0.1", "49000.00"));
        bot.awaitStatus(id, OrderStatus.REJECTED);
        assertThat(bot.order(id).reason()).containsPattern("(?i)insufficient|balance");
        assertThat(h.accepted()).isEmpty();
    }

    @Test
    void c08_aLostSubmitAnswerIsResolvedByQueryNeverResent() {
        TestBot bot = h.bot();
        h.fake.faults().arm(dev.botfleet.fakes.Faults.Kind.LOSE_PLACE_ANSWER, 1);
        String id = bot.submit(limit(OrderSide.BUY, "0.001", "49000.00"));
        bot.awaitStatus(id, OrderStatus.ACCEPTED);
        String venueId = h.account.client().clientIds(bot.botId).toVenue(id);
        assertThat(h.accepted()).containsExactly(venueId);
    }

    @Test
    void c09_duplicateClientOrderIdIsRecognisedNotDoubled() {
        TestBot bot = h.bot();
        String id = bot.submit(limit(OrderSide.BUY, "0.001", "49000.00"));
        bot.awaitStatus(id, OrderStatus.ACCEPTED);
        OrderSnapshot snapshot = bot.order(id);
        String venueId = h.account.client().clientIds(bot.botId).toVenue(id);

        assertThatThrownBy(() -> h.account.client().place(h.btc(), snapshot, venueId))
                .isInstanceOfSatisfying(VenueException.class,
                        e -> assertThat(e.kind()).isEqualTo(VenueException.Kind.DUPLICATE_ORDER));
        bot.port.submit(snapshot); // a resend after a crash: the venue's order is adopted
        assertThat(bot.port.awaitSent(10_000)).isTrue();
        bot.act(c -> null); // the answers have passed through the bot's turn
        assertThat(bot.status(id)).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(bot.events).noneSatisfy(e -> assertThat(e).isInstanceOf(
                dev.botfleet.engine.order.OrderEvent.OrderRejected.class));
        assertThat(h.accepted()).containsExactly(venueId);
    }

    @Test
    void c17_cancelOfAnOrderAlreadyFilledKeepsTheFill() {
        TestBot bot = h.bot();
        String id = bot.submit(limit(OrderSide.BUY, "0.001", "49900.00"));
        bot.awaitStatus(id, OrderStatus.ACCEPTED);
        // The fill happens at the venue and the cancel leaves in the same turn, before the fill's report can arrive.
        bot.act(c -> {
            h.fake.engine().printTrade(fixture().btcUsdt(), "49900.00", "0.001");
            return c.cancel(id);
        });
        bot.awaitStatus(id, OrderStatus.FILLED);
        assertThat(bot.port.awaitSent(10_000)).isTrue();
        bot.act(c -> null);
        assertThat(bot.fillsOf(id)).hasSize(1);
        assertThat(bot.status(id)).isEqualTo(OrderStatus.FILLED);
        assertThat(bot.statuses.get(id)).doesNotContain(OrderStatus.CANCELED);
        String venueId = h.account.client().clientIds(bot.botId).toVenue(id);
        assertThat(fixture().findOrder(h.fake, h.fakeAccount, venueId, bot.order(id).exchangeOrderId()).status)
                .isEqualTo(FakeOrder.Status.FILLED);
    }

    @Test
    void c19_stoppingABotCancelsItsOrdersAtTheVenue() {
        TestBot bot = h.bot();
        String a = bot.submit(limit(OrderSide.BUY, "0.001", "49000.00"));
        String b = bot.submit(limit(OrderSide.SELL, "0.001", "51000.00"));
        bot.awaitStatus(a, OrderStatus.ACCEPTED);
        bot.awaitStatus(b, OrderStatus.ACCEPTED);
        bot.runner.send(new BotCommand.StopBot("test"));
        bot.awaitStatus(a, OrderStatus.CANCELED);
        bot.awaitStatus(b, OrderStatus.CANCELED);
        assertThat(h.fake.engine().openOrders(h.fakeAccount, fixture().btcUsdt())).isEmpty();
    }
}

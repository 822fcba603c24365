package dev.botfleet.exchanges.delta;

import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.exchanges.ClientIdCodec;
import dev.botfleet.exchanges.MarketDataClient;
import dev.botfleet.exchanges.StreamHandle;
import dev.botfleet.exchanges.UserStreamListener;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.exchanges.VenuePosition;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.delta.FakeDelta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Delta adapter against its fake: contracts vs base units, reduce-only exits, positions, the dead-man switch. */
class DeltaAdapterTest {
    private final FakeDelta fake = new FakeDelta();
    private final DeltaVenue venue = (DeltaVenue) new DeltaFixture().venue(fake);
    private final MarketDataClient market = venue.marketData(false);
    private final DeltaTradingClient client = (DeltaTradingClient) venue.trading(
            new VenueCredential(StandardSetup.API_KEY, StandardSetup.API_SECRET, false));
    private final String botId = UUID.randomUUID().toString();
    private final ClientIdCodec ids = client.clientIds(botId);

    @AfterEach
    void close() {
        client.close();
        market.close();
        fake.close();
    }

    private VenueInstrument btc() {
        return market.instruments().stream().filter(i -> i.symbol().equals("BTC/USD")).findFirst().orElseThrow();
    }

    private OrderSnapshot order(int seq, OrderSide side, OrderType type, String qty, String price, CloseReason close) {
        return new OrderSnapshot(botId, botId + "-" + seq, null, "delta", "BTC/USD", side, type, TimeInForce.GTC,
                price == null ? null : new BigDecimal(price), new BigDecimal(qty), OrderStatus.SUBMITTED,
                BigDecimal.ZERO, null, Map.of(), BigDecimal.ZERO, close, null, false, Instant.now(), Instant.now());
    }

    @Test
    void productsBecomePerpetualsInBaseUnitsWithTheContractAsLot() {
        VenueInstrument btc = btc();
        assertThat(btc.venueSymbol()).isEqualTo("BTCUSD");
        assertThat(btc.instrument().isPerpetual()).isTrue();
        assertThat(btc.instrument().derivative().contractSize()).isEqualByComparingTo("0.001");
        assertThat(btc.instrument().derivative().settleAsset()).isEqualTo("USD");
        assertThat(btc.instrument().derivative().maxLeverage()).isEqualByComparingTo("200");     // 100 / 0.5 %
        assertThat(btc.instrument().derivative().maintenanceMarginRate()).isEqualByComparingTo("0.0025");
        assertThat(btc.instrument().lotSize()).isEqualByComparingTo("0.001");
        assertThat(btc.instrument().makerFee()).isEqualByComparingTo("0.0002");
    }

    @Test
    void aBaseQuantityGoesOutAsWholeContractsAndOffGridIsRefusedBeforeSending() {
        String cid = ids.toVenue(botId + "-1");
        assertThat(cid.length()).isBetween(23, 32);
        client.place(btc(), order(1, OrderSide.BUY, OrderType.LIMIT, "0.005", "49000", null), cid);
        FakeOrder atVenue = fake.engine().find(fake.account(), "BTCUSD", cid, null);
        assertThat(atVenue.quantity).isEqualByComparingTo("0.005");           // 5 contracts of 0.001 BTC
        assertThat(DeltaTradingClient.contracts(btc(), new BigDecimal("0.005"))).isEqualTo(5);
        assertThatThrownBy(() -> client.place(btc(), order(2, OrderSide.BUY, OrderType.LIMIT, "0.0015", "49000", null),
                ids.toVenue(botId + "-2")))
                .isInstanceOfSatisfying(VenueException.class, e -> assertThat(e.getMessage()).contains("whole number of contracts"));
        assertThat(fake.engine().acceptedClientIds()).containsExactly(cid);
    }

    @Test
    void anExitIsSentReduceOnlyAndAPositionIsReportedInBaseUnits() {
        client.place(btc(), order(1, OrderSide.BUY, OrderType.MARKET, "0.004", null, null), ids.toVenue(botId + "-1"));
        VenuePosition open = client.position(btc());
        assertThat(open.quantity()).isEqualByComparingTo("0.004");
        assertThat(open.entryPrice()).isEqualByComparingTo("50000.5");
        assertThat(open.leverage()).isEqualByComparingTo("200");
        assertThat(open.liquidationPrice()).isNotNull();

        String exit = ids.toVenue(botId + "-2");
        client.place(btc(), order(2, OrderSide.SELL, OrderType.MARKET, "0.004", null, CloseReason.TAKE_PROFIT), exit);
        assertThat(fake.engine().find(fake.account(), "BTCUSD", exit, null).reduceOnly).isTrue();
        assertThat(client.position(btc()).isFlat()).isTrue();
        // A second exit of the same size has nothing left to reduce: the venue refuses it.
        assertThatThrownBy(() -> client.place(btc(), order(3, OrderSide.SELL, OrderType.MARKET, "0.004", null,
                CloseReason.TAKE_PROFIT), ids.toVenue(botId + "-3"))).isInstanceOf(VenueException.class);
        assertThat(fake.ledger().position(fake.account(), "BTCUSD").isFlat()).isTrue();
    }

    @Test
    void leverageIsSetPerProductAndCrossMarginIsRefusedInPlainWords() {
        client.setLeverage(btc(), new BigDecimal("10"), MarginMode.ISOLATED);
        assertThat(fake.ledger().leverage(fake.account(), "BTCUSD")).isEqualByComparingTo("10");
        assertThatThrownBy(() -> client.setLeverage(btc(), BigDecimal.TEN, MarginMode.CROSS))
                .isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VenueException.Kind.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("cross margin");
                });
    }

    @Test
    void fundingPaymentsComeFromWalletTransactions() {
        client.place(btc(), order(1, OrderSide.BUY, OrderType.MARKET, "0.1", null, null), ids.toVenue(botId + "-1"));
        fake.ledger().settleFunding("BTCUSD", new BigDecimal("0.0001"), new BigDecimal("50000"),
                fake.clock().getAsLong());
        var payments = client.fundingPayments(btc(), Instant.now().minusSeconds(60));
        assertThat(payments).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualByComparingTo("-0.5");   // a long pays 0.1 × 50,000 × 0.0001
            assertThat(p.rate()).isEqualByComparingTo("0.0001");
        });
    }

    @Test
    void theUserStreamKeepsTheDeadManSwitchAliveAndItsOrdersAreCancelledWhenItStops() {
        String cid = ids.toVenue(botId + "-1");
        client.place(btc(), order(1, OrderSide.BUY, OrderType.LIMIT, "0.001", "49000", null), cid);
        List<VenuePosition> positions = new CopyOnWriteArrayList<>();
        DeltaUserStream stream = (DeltaUserStream) client.openUserStream(new UserStreamListener() {
            @Override public void onOrderEvent(String symbol, dev.botfleet.engine.order.OrderEvent event) {
            }

            @Override public void onPosition(VenuePosition position) { positions.add(position); }
        });
        stream.deadMan().timing(Duration.ofMillis(600), Duration.ofMillis(100));
        await("stream up", stream::connected);
        await("several acknowledgements", () -> fake.heartbeatAcks() >= 5);
        assertThat(fake.deadManSwitchesFired()).isZero();
        assertThat(fake.engine().find(fake.account(), "BTCUSD", cid, null).isOpen()).isTrue();

        stream.deadMan().stop(false); // the process dies: no more acknowledgements, nothing disabled
        await("the venue cancels the key's orders", () -> !fake.engine().find(fake.account(), "BTCUSD", cid, null).isOpen());
        assertThat(fake.deadManSwitchesFired()).isEqualTo(1);
        ((StreamHandle) stream).close();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out waiting for " + what);
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }
}

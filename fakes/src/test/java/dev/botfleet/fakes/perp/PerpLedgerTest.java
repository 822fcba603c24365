package dev.botfleet.fakes.perp;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeOrder.Side;
import dev.botfleet.fakes.FakeOrder.TimeInForce;
import dev.botfleet.fakes.FakeOrder.Type;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.perp.PerpRefused.Reason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Worked numbers for the perpetual ledger, through the shared matching engine: BTCUSD at 50,000, lot 0.001 BTC,
 * maker 0.02 %, taker 0.05 %, default leverage 10, mmr 0.5 %, an account with 10,000 USD.
 */
class PerpLedgerTest {
    private final MatchingEngine engine = new MatchingEngine(() -> 1_700_000_000_000L);
    private final PerpLedger ledger = new PerpLedger();
    private final FakeAccount alice = engine.open(new FakeAccount("alice", "s1")).deposit("USD", "10000");
    private final FakeAccount bob = engine.open(new FakeAccount("bob", "s2")).deposit("USD", "10000");

    PerpLedgerTest() {
        engine.list(new FakeMarket("BTCUSD", "BTC", "USD", "0.5", "0.001", "0.001", "0", "0.0002", "0.0005"),
                "50000");
        ledger.list(new PerpTerms("BTCUSD", "USD", new BigDecimal("100"), new BigDecimal("0.005"), BigDecimal.TEN));
        engine.settleWith("BTCUSD", ledger);
    }

    private FakeOrder limit(FakeAccount who, Side side, String price, String qty, boolean reduceOnly) {
        return engine.place(who, "BTCUSD", null, side, Type.LIMIT, TimeInForce.GTC, new BigDecimal(price),
                new BigDecimal(qty), reduceOnly);
    }

    private static void assertAmount(BigDecimal actual, String expected) {
        assertThat(actual).isEqualByComparingTo(expected);
    }

    @Test
    void openLongLocksNotionalOverLeverageAndCloseRealizesPnlLessFees() {
        FakeOrder buy = limit(alice, Side.BUY, "50000", "0.1", false);
        assertAmount(alice.locked("USD"), "500");                 // 0.1 × 50,000 / 10 held by the resting order
        assertAmount(ledger.orderMargin(alice, "BTCUSD"), "500");

        engine.printTrade("BTCUSD", "50000", "1");                 // maker fill: fee 5,000 × 0.0002 = 1
        assertThat(buy.status).isEqualTo(FakeOrder.Status.FILLED);
        PerpPosition open = ledger.position(alice, "BTCUSD");
        assertAmount(open.size(), "0.1");
        assertAmount(open.entryPrice(), "50000");
        assertAmount(open.margin(), "500");
        assertAmount(open.liquidationPrice(), "45250");           // 50,000 × (1 − 0.1 + 0.005)
        assertAmount(alice.free("USD"), "9499");
        assertAmount(ledger.orderMargin(alice, "BTCUSD"), "0");

        limit(alice, Side.SELL, "51000", "0.1", true);
        engine.printTrade("BTCUSD", "51000", "1");                 // pnl (51,000 − 50,000) × 0.1 = 100, fee 1.02
        PerpPosition closed = ledger.position(alice, "BTCUSD");
        assertThat(closed.isFlat()).isTrue();
        assertAmount(closed.realizedPnl(), "100");
        assertAmount(closed.commission(), "2.02");
        assertThat(closed.liquidationPrice()).isNull();
        assertAmount(alice.free("USD"), "10097.98");              // 10,000 + 100 − 1 − 1.02
        assertAmount(alice.locked("USD"), "0");
    }

    @Test
    void shortThenBuyingMoreThanTheShortFlipsItWithTheRestAtTheFillPrice() {
        FakeOrder sell = limit(alice, Side.SELL, "50000", "0.1", false); // crosses the bid: taker at 50,000, fee 2.5
        assertThat(sell.status).isEqualTo(FakeOrder.Status.FILLED);
        PerpPosition shortPos = ledger.position(alice, "BTCUSD");
        assertAmount(shortPos.size(), "-0.1");
        assertAmount(shortPos.liquidationPrice(), "54750");       // 50,000 × (1 + 0.1 − 0.005)
        assertAmount(alice.free("USD"), "9497.5");

        engine.place(alice, "BTCUSD", null, Side.BUY, Type.MARKET, TimeInForce.GTC, null, new BigDecimal("0.3"));
        // taker at the ask 50,000.5: closes 0.1 (pnl −0.05), opens 0.2 long at 50,000.5 (margin 1,000.01), fee 7.500075
        PerpPosition flipped = ledger.position(alice, "BTCUSD");
        assertAmount(flipped.size(), "0.2");
        assertAmount(flipped.entryPrice(), "50000.5");
        assertAmount(flipped.margin(), "1000.01");
        assertAmount(flipped.realizedPnl(), "0");                  // a new position starts its own figures
        assertAmount(alice.locked("USD"), "1000.01");
        assertAmount(alice.free("USD"), "8989.939925");           // 9,497.5 + 500 − 0.05 − 1,000.01 − 7.500075
    }

    @Test
    void entryPriceIsTheSizeWeightedAverageOfOpeningFills() {
        limit(alice, Side.BUY, "50000", "0.1", false);
        engine.printTrade("BTCUSD", "50000", "1");
        limit(alice, Side.BUY, "49000", "0.3", false);
        engine.printTrade("BTCUSD", "49000", "1");
        PerpPosition p = ledger.position(alice, "BTCUSD");
        assertAmount(p.size(), "0.4");
        assertAmount(p.entryPrice(), "49250");                    // (0.1 × 50,000 + 0.3 × 49,000) / 0.4
        assertAmount(p.margin(), "1970");                         // 500 + 1,470
    }

    @Test
    void aPartialFillMovesItsShareOfOrderMarginToThePositionAndCancelFreesTheRest() {
        FakeOrder buy = limit(alice, Side.BUY, "50000", "0.1", false);
        engine.printTrade("BTCUSD", "50000", "0.04");
        assertAmount(ledger.orderMargin(alice, "BTCUSD"), "300");
        assertAmount(ledger.position(alice, "BTCUSD").margin(), "200");
        engine.cancel(alice, "BTCUSD", null, buy.orderId);
        assertAmount(ledger.orderMargin(alice, "BTCUSD"), "0");
        assertAmount(alice.locked("USD"), "200");
        assertAmount(alice.free("USD"), "9799.6");                // fee 2,000 × 0.0002 = 0.4
    }

    @Test
    void reduceOnlyOrdersThatWouldOpenIncreaseOrFlipAreRefusedAndChangeNothing() {
        assertThatThrownBy(() -> limit(alice, Side.SELL, "51000", "0.01", true))
                .isInstanceOfSatisfying(PerpRefused.class, r -> assertThat(r.reason).isEqualTo(Reason.REDUCE_ONLY_WOULD_INCREASE));
        limit(alice, Side.BUY, "50000", "0.1", false);
        engine.printTrade("BTCUSD", "50000", "1");
        assertThatThrownBy(() -> limit(alice, Side.BUY, "49000", "0.01", true))
                .isInstanceOfSatisfying(PerpRefused.class, r -> assertThat(r.reason).isEqualTo(Reason.REDUCE_ONLY_WOULD_INCREASE));
        assertThatThrownBy(() -> limit(alice, Side.SELL, "51000", "0.2", true))
                .isInstanceOfSatisfying(PerpRefused.class, r -> assertThat(r.reason).isEqualTo(Reason.REDUCE_ONLY_WOULD_FLIP));
        limit(alice, Side.SELL, "51000", "0.06", true);
        assertThatThrownBy(() -> limit(alice, Side.SELL, "51000", "0.06", true)) // 0.06 + 0.06 > 0.1
                .isInstanceOfSatisfying(PerpRefused.class, r -> assertThat(r.reason).isEqualTo(Reason.REDUCE_ONLY_WOULD_FLIP));
        assertThat(engine.openOrders(alice, "BTCUSD")).hasSize(1);
        assertAmount(alice.locked("USD"), "500");                 // reduce-only orders hold no margin
    }

    @Test
    void anOrderWhoseMarginExceedsTheFreeBalanceIsRefusedAtLowLeverageAndAcceptedAtHigher() {
        ledger.setLeverage(alice, "BTCUSD", new BigDecimal("2"));
        assertThatThrownBy(() -> limit(alice, Side.BUY, "50000", "0.5", false)) // 25,000 / 2 = 12,500 > 10,000
                .isInstanceOfSatisfying(PerpRefused.class, r -> assertThat(r.reason).isEqualTo(Reason.INSUFFICIENT_MARGIN));
        assertThat(engine.orders(alice)).isEmpty();
        assertAmount(alice.free("USD"), "10000");
        ledger.setLeverage(alice, "BTCUSD", new BigDecimal("5"));
        limit(alice, Side.BUY, "50000", "0.5", false);
        assertAmount(alice.locked("USD"), "5000");
    }

    @Test
    void leverageOutsideTheProductsRangeIsRefusedAndAChangeResizesAnOpenPositionsMargin() {
        assertThatThrownBy(() -> ledger.setLeverage(alice, "BTCUSD", new BigDecimal("101")))
                .isInstanceOfSatisfying(PerpRefused.class, r -> assertThat(r.reason).isEqualTo(Reason.LEVERAGE_OUT_OF_RANGE));
        limit(alice, Side.BUY, "50000", "0.1", false);
        engine.printTrade("BTCUSD", "50000", "1");
        ledger.setLeverage(alice, "BTCUSD", new BigDecimal("5"));
        PerpPosition p = ledger.position(alice, "BTCUSD");
        assertAmount(p.margin(), "1000");
        assertAmount(p.liquidationPrice(), "40250");              // 50,000 × (1 − 0.2 + 0.005)
        assertAmount(alice.free("USD"), "8999");
    }

    @Test
    void fundingIsPaidByLongsToShortsWhenTheRateIsPositive() {
        limit(alice, Side.BUY, "50000", "0.1", false);
        limit(bob, Side.SELL, "50000.5", "0.1", false);
        engine.printTrade("BTCUSD", "50000", "1");
        engine.printTrade("BTCUSD", "50000.5", "1");
        BigDecimal aliceBefore = alice.free("USD");
        BigDecimal bobBefore = bob.free("USD");

        List<FundingRecord> booked = ledger.settleFunding("BTCUSD", new BigDecimal("0.0001"), new BigDecimal("50000"),
                1_700_000_028_800_000L);
        assertThat(booked).hasSize(2);
        assertAmount(alice.free("USD").subtract(aliceBefore), "-0.5"); // −0.1 × 50,000 × 0.0001
        assertAmount(bob.free("USD").subtract(bobBefore), "0.5");
        assertAmount(ledger.position(alice, "BTCUSD").realizedFunding(), "-0.5");
        assertThat(ledger.fundings(bob)).singleElement().satisfies(f -> {
            assertAmount(f.amount(), "0.5");
            assertAmount(f.size(), "-0.1");
            assertThat(f.time()).isEqualTo(1_700_000_028_800_000L);
        });
    }

    @Test
    void aMarkReachingTheLiquidationPriceClosesThePositionAndItsMarginIsLost() {
        limit(alice, Side.BUY, "50000", "0.1", false);
        engine.printTrade("BTCUSD", "50000", "1");
        assertThat(ledger.mark("BTCUSD", new BigDecimal("45250.5"))).isEmpty();
        assertThat(ledger.position(alice, "BTCUSD").isFlat()).isFalse();

        List<PerpLedger.Liquidation> done = ledger.mark("BTCUSD", new BigDecimal("45250"));
        assertThat(done).singleElement().satisfies(l -> {
            assertAmount(l.marginLost(), "500");
            assertAmount(l.liquidationPrice(), "45250");
        });
        assertThat(ledger.position(alice, "BTCUSD").isFlat()).isTrue();
        assertAmount(alice.locked("USD"), "0");
        assertAmount(alice.free("USD"), "9499");
    }

    @Test
    void aShortIsLiquidatedWhenTheMarkRisesToItsPriceAndCrossPositionsAreNot() {
        limit(alice, Side.SELL, "50000", "0.1", false);
        ledger.setMarginMode(bob, "BTCUSD", PerpLedger.MarginMode.CROSS);
        limit(bob, Side.SELL, "50000", "0.1", false);
        assertThat(ledger.position(bob, "BTCUSD").liquidationPrice()).isNull();
        List<PerpLedger.Liquidation> done = ledger.mark("BTCUSD", new BigDecimal("54750"));
        assertThat(done).singleElement().satisfies(l -> assertThat(l.account()).isSameAs(alice));
        assertAmount(ledger.position(bob, "BTCUSD").size(), "-0.1");
    }

    @Test
    void liquidationPriceFormulaWorkedNumbers() {
        BigDecimal mmr = new BigDecimal("0.005");
        assertAmount(PerpLedger.liquidationPrice(new BigDecimal("3000"), new BigDecimal("20"), mmr, true), "2865");
        assertAmount(PerpLedger.liquidationPrice(new BigDecimal("3000"), new BigDecimal("20"), mmr, false), "3135");
        assertAmount(PerpLedger.liquidationPrice(new BigDecimal("50000"), new BigDecimal("3"), mmr, true),
                "33583.33333333");
    }
}

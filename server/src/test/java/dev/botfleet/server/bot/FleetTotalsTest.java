package dev.botfleet.server.bot;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FleetTotals}: totals kept as bots come and go equal a fresh sum of the bots there now. */
class FleetTotalsTest {
    private final Instant now = Instant.parse("2026-12-06T00:00:00Z");

    private Bot bot(String symbol, BotStatus status, String pnl, long trades) {
        return new Bot(UUID.randomUUID(), UUID.randomUUID(), "b", "sim", symbol, "dca", BotMode.PAPER, status, null,
                Map.of(), new BigDecimal(pnl), trades, null, now, now, null, null);
    }

    private static BotRepository.Summary freshSum(List<Bot> bots) {
        FleetTotals totals = new FleetTotals();
        bots.forEach(totals::add);
        return totals.summary();
    }

    @Test
    void takingABotAwayLeavesWhatAFreshSumOfTheOthersGives() {
        Bot btc = bot("BTC/USDT", BotStatus.ACTIVE, "1.25", 3);
        Bot eth = bot("ETH/BTC", BotStatus.ERROR, "-0.00012345", 2);
        Bot sol = bot("SOL/USDT", BotStatus.STOPPED, "0.5", 1);
        FleetTotals kept = new FleetTotals();
        List.of(btc, eth, sol).forEach(kept::add);
        assertThat(kept.summary().pnlByQuote()).containsOnlyKeys("BTC", "USDT");

        kept.remove(eth);  // the last bot quoted in BTC: its quote leaves the totals
        assertThat(kept.summary()).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(freshSum(List.of(btc, sol)));
        assertThat(kept.summary().pnlByQuote()).containsOnlyKeys("USDT");

        kept.remove(btc);
        kept.add(bot("BTC/USDT", BotStatus.STOPPED, "2", 4));  // the same bot after a deal and a stop
        BotRepository.Summary summary = kept.summary();
        assertThat(summary.totalBots()).isEqualTo(2);
        assertThat(summary.activeBots()).isZero();
        assertThat(summary.stoppedBots()).isEqualTo(2);
        assertThat(summary.errorBots()).isZero();
        assertThat(summary.totalTrades()).isEqualTo(5);
        assertThat(summary.totalPnl()).isEqualByComparingTo("2.5");
        assertThat(summary.pnlByQuote().get("USDT")).isEqualByComparingTo("2.5");
    }

    @Test
    void aSummaryIsASnapshotThatLaterChangesLeaveAlone() {
        FleetTotals kept = new FleetTotals();
        Bot btc = bot("BTC/USDT", BotStatus.ACTIVE, "1", 1);
        kept.add(btc);
        BotRepository.Summary before = kept.summary();
        kept.remove(btc);
        assertThat(before.pnlByQuote()).containsOnlyKeys("USDT");
        assertThat(kept.summary().pnlByQuote()).isEmpty();
    }
}

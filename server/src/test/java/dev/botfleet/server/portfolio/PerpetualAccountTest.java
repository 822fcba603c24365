package dev.botfleet.server.portfolio;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.bot.BotStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A perpetual wallet's total and exposure, and a spot account's, from hand-made figures. */
class PerpetualAccountTest {
    private static final Bot BOT = new Bot(UUID.randomUUID(), UUID.randomUUID(), "perp", "sim_perp", "BTC/USDT", "scalper",
            BotMode.PAPER, BotStatus.STOPPED, null, Map.of(), BigDecimal.ZERO, 0, null, Instant.EPOCH, Instant.EPOCH, null, null);
    private static final Valuer.Rate ONE = Valuer.Rate.of(BigDecimal.ONE);

    @Test
    void aPerpetualWalletAddsItsPositionsUnrealizedPnlAndItsNotionalIsExposureOfTheBase() {
        // wallet 1000 USDT (100 locked as margin); short 0.1 BTC from 50000, mark 49000:
        // unrealized = (49000 − 50000) × −0.1 = 100, so the total is 1100; the notional −0.1 × 49000 = −4900 is BTC exposure
        Accounts.Valued wallet = new Accounts.Valued("sim_perp", "perp", BotMode.PAPER, BOT.id(), null,
                List.of(new Accounts.Asset("USDT", new BigDecimal("900"), new BigDecimal("100"), ONE)),
                List.of(new Accounts.Position(BOT, "sim_perp", "BTC/USDT", "BTC", true, new BigDecimal("-0.1"),
                        new BigDecimal("50000"), new BigDecimal("49000"), ONE)), true, null);
        assertThat(wallet.total()).isEqualByComparingTo("1100");
        assertThat(wallet.unvalued()).isEmpty();

        List<PortfolioResponse.Exposure> exposure = PortfolioService.exposure(List.of(wallet));
        // gross = |−4900| + |1000| = 5900: BTC 4900 / 5900 = 0.8305, USDT 1000 / 5900 = 0.1695
        assertThat(exposure).containsExactly(
                new PortfolioResponse.Exposure("BTC", "-4900", "0.8305", null),
                new PortfolioResponse.Exposure("USDT", "1000", "0.1695", null));
    }

    @Test
    void aSpotPositionIsNotCountedTwiceAndAPositionWithoutAPriceIsNamed() {
        Accounts.Valued spot = new Accounts.Valued("sim", "spot", BotMode.PAPER, BOT.id(), null,
                List.of(new Accounts.Asset("USDT", new BigDecimal("500"), BigDecimal.ZERO, ONE),
                        new Accounts.Asset("BTC", new BigDecimal("0.01"), BigDecimal.ZERO, Valuer.Rate.of(new BigDecimal("60000")))),
                List.of(new Accounts.Position(BOT, "sim", "BTC/USDT", "BTC", false, new BigDecimal("0.01"),
                        new BigDecimal("50000"), null, ONE)), false, null);
        // 500 + 0.01 × 60000 = 1100; the position's coins are the BTC balance
        assertThat(spot.total()).isEqualByComparingTo("1100");
        Accounts.Position noMark = spot.positions().getFirst();
        assertThat(noMark.valued()).isFalse();
        assertThat(noMark.value()).isNull();
        assertThat(noMark.reason()).isEqualTo("no last price for BTC/USDT on sim");
        assertThat(PortfolioService.exposure(List.of(spot))).extracting(PortfolioResponse.Exposure::asset)
                .containsExactly("BTC", "USDT");
    }
}

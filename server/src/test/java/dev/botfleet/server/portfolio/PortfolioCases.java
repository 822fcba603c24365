package dev.botfleet.server.portfolio;

import dev.botfleet.engine.order.OrderSide;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/portfolio against hand-computed figures, and the equity snapshots behind its curve. */
abstract class PortfolioCases extends PortfolioTestBase {
    static final String WINDOW = "from=2026-11-01T00:00:00Z&to=2026-12-31T00:00:00Z";
    static final Instant SUNDAY_2330 = Instant.parse("2026-11-29T23:30:00Z");
    static final Instant MONDAY_0030 = Instant.parse("2026-11-30T00:30:00Z");
    static final Instant TUESDAY_1000 = Instant.parse("2026-12-01T10:00:00Z");

    /**
     * Bot A on sim BTC/USDT starts with 10000 USDT and 10000 / 64000 (the sim start price) = 0.15625 BTC, then:
     * buys 0.01 @ 60000 paying 0.6 fee (realized −0.6), sells 0.004 @ 62000 paying 0.248 (realized 8 − 0.248 =
     * 7.752), sells 0.002 @ 61000 paying 0.122 (realized 2 − 0.122 = 1.878). So
     * BTC = 0.15625 + 0.01 − 0.004 − 0.002 = 0.16025 and
     * USDT = 10000 − 600.6 + (248 − 0.248) + (122 − 0.122) = 9769.03; position 0.004 @ 60000.
     */
    UUID tradedBot(Session user) {
        UUID bot = bot(user, "A", "BTC/USDT", "1000", "900000");
        fill(user, bot, OrderSide.BUY, "60000", "0.01", "0.6", "-0.6", SUNDAY_2330);
        fill(user, bot, OrderSide.SELL, "62000", "0.004", "0.248", "7.752", MONDAY_0030);
        fill(user, bot, OrderSide.SELL, "61000", "0.002", "0.122", "1.878", TUESDAY_1000);
        position(user, bot, "0.004", "60000", "9.03", TUESDAY_1000);
        return bot;
    }

    @Test
    void balancesPositionsTotalsAndExposureMatchAHandComputation() {
        Session user = newUser();
        UUID a = tradedBot(user);
        UUID b = bot(user, "B", "ETH/USDT", "1000", "90000");  // untouched: 10000 USDT and 10000 / 3200 = 3.125 ETH

        Answer answer = get("/api/v1/portfolio?" + WINDOW, user);
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        JsonNode p = answer.body();
        assertThat(p.get("quote").asString()).isEqualTo("USDT");
        assertThat(p.get("accounts")).hasSize(2);

        JsonNode accountA = account(p, a);
        assertThat(accountA.get("mode").asString()).isEqualTo("PAPER");
        assertThat(accountA.get("exchange").asString()).isEqualTo("sim");
        assertThat(accountA.get("account").asString()).isEqualTo("A");
        JsonNode usdt = balance(accountA, "USDT");
        assertThat(dec(usdt, "free").add(dec(usdt, "locked"))).isEqualByComparingTo("9769.03");
        assertThat(dec(usdt, "rate")).isEqualByComparingTo("1");
        assertMoney(usdt, "value", new BigDecimal("9769.03"));
        JsonNode btc = balance(accountA, "BTC");
        assertThat(dec(btc, "free").add(dec(btc, "locked"))).isEqualByComparingTo("0.16025");
        BigDecimal btcPrice = dec(btc, "rate");  // the last BTC/USDT price the answer used (the sim feed moves it)
        assertThat(btcPrice.remainder(new BigDecimal("0.01"))).isZero();
        assertMoney(btc, "value", new BigDecimal("0.16025").multiply(btcPrice));
        assertMoney(accountA, "total", new BigDecimal("9769.03").add(new BigDecimal("0.16025").multiply(btcPrice)));

        JsonNode position = accountA.get("positions").get(0);
        assertThat(accountA.get("positions")).hasSize(1);
        assertThat(position.get("side").asString()).isEqualTo("LONG");
        assertThat(dec(position, "quantity")).isEqualByComparingTo("0.004");
        assertThat(dec(position, "entry")).isEqualByComparingTo("60000");
        BigDecimal mark = dec(position, "mark");
        assertMoney(position, "unrealizedPnl", mark.subtract(new BigDecimal("60000")).multiply(new BigDecimal("0.004")));
        assertMoney(position, "value", mark.multiply(new BigDecimal("0.004")));

        JsonNode accountB = account(p, b);
        BigDecimal ethPrice = dec(balance(accountB, "ETH"), "rate");
        assertThat(dec(balance(accountB, "ETH"), "free")).isEqualByComparingTo("3.125");
        assertMoney(accountB, "total", new BigDecimal("10000").add(new BigDecimal("3.125").multiply(ethPrice)));

        // the grand total sums the accounts (a spot position's coins are already in the balances)
        BigDecimal btcValue = new BigDecimal("0.16025").multiply(btcPrice);
        BigDecimal ethValue = new BigDecimal("3.125").multiply(ethPrice);
        BigDecimal usdtValue = new BigDecimal("19769.03");
        assertMoney(p, "total", usdtValue.add(btcValue).add(ethValue));
        assertThat(p.get("unvalued")).isEmpty();

        BigDecimal gross = usdtValue.add(btcValue).add(ethValue);
        assertMoney(exposure(p, "USDT"), "value", usdtValue);
        assertMoney(exposure(p, "BTC"), "value", btcValue);
        assertMoney(exposure(p, "ETH"), "value", ethValue);
        assertThat(dec(exposure(p, "BTC"), "share")).isEqualByComparingTo(btcValue.divide(gross, 4, RoundingMode.HALF_EVEN));
        assertThat(dec(exposure(p, "USDT"), "share")).isEqualByComparingTo(usdtValue.divide(gross, 4, RoundingMode.HALF_EVEN));
    }

    @Test
    void realizedPnlIsBucketedPerDayWeekAndMonthInTheAskedTimeZone() {
        Session user = newUser();
        tradedBot(user);

        // UTC: Sunday 29 Nov −0.6; Monday 30 Nov 7.752; Tuesday 1 Dec 1.878.
        // Weeks start on Monday: 23 Nov −0.6; 30 Nov 7.752 + 1.878 = 9.63. Months: Nov −0.6 + 7.752 = 7.152; Dec 1.878.
        JsonNode utc = get("/api/v1/portfolio?" + WINDOW, user).body().get("pnl");
        assertThat(periods(utc.get("daily"))).containsExactly("2026-11-29=-0.6", "2026-11-30=7.752", "2026-12-01=1.878");
        assertThat(periods(utc.get("weekly"))).containsExactly("2026-11-23=-0.6", "2026-11-30=9.63");
        assertThat(periods(utc.get("monthly"))).containsExactly("2026-11-01=7.152", "2026-12-01=1.878");

        // Kolkata is UTC+5:30: Sunday 23:30 UTC is already Monday 05:00 there, so Monday holds −0.6 + 7.752 = 7.152,
        // and the week of 23 Nov has nothing.
        JsonNode kolkata = get("/api/v1/portfolio?" + WINDOW + "&tz=Asia/Kolkata", user).body();
        assertThat(kolkata.get("timezone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(periods(kolkata.get("pnl").get("daily"))).containsExactly("2026-11-30=7.152", "2026-12-01=1.878");
        assertThat(periods(kolkata.get("pnl").get("weekly"))).containsExactly("2026-11-30=9.03");

        // the window's end is exclusive: up to Tuesday 10:00 leaves Tuesday's fill out
        JsonNode cut = get("/api/v1/portfolio?from=2026-11-01T00:00:00Z&to=2026-12-01T10:00:00Z", user).body().get("pnl");
        assertThat(periods(cut.get("monthly"))).containsExactly("2026-11-01=7.152");
    }

    @Test
    void anAssetWithoutAPriceIsListedWithoutAValueAndAReason() {
        Session user = newUser();
        UUID a = tradedBot(user);

        // no EUR market on sim, and USDT is not taken at 1 to EUR (only USDT, USDC and USD are)
        JsonNode p = get("/api/v1/portfolio?quote=eur&" + WINDOW, user).body();
        assertThat(p.get("quote").asString()).isEqualTo("EUR");
        JsonNode usdt = balance(account(p, a), "USDT");
        assertThat(usdt.get("value").isNull()).isTrue();
        assertThat(usdt.get("rate").isNull()).isTrue();
        assertThat(usdt.get("reason").asString()).contains("USDT/EUR");
        assertThat(account(p, a).get("unvalued").toString()).contains("USDT", "BTC");
        assertThat(p.get("total").asString()).isEqualTo("0");
        assertThat(p.get("unvalued").toString()).contains("USDT", "BTC");
        assertThat(exposure(p, "BTC").get("value").isNull()).isTrue();
        assertThat(exposure(p, "BTC").get("reason").asString()).isNotBlank();
        assertThat(p.get("pnl").get("daily")).isEmpty();
        assertThat(p.get("pnl").get("unvalued").toString()).contains("USDT");

        // USD has no sim market either, but USDT counts as 1 USD when no pair exists
        JsonNode usd = get("/api/v1/portfolio?quote=USD&" + WINDOW, user).body();
        assertThat(dec(balance(account(usd, a), "USDT"), "rate")).isEqualByComparingTo("1");
        assertThat(periods(usd.get("pnl").get("monthly"))).containsExactly("2026-11-01=7.152", "2026-12-01=1.878");

        // in BTC, USDT is worth 1 / (BTC/USDT)
        JsonNode inBtc = get("/api/v1/portfolio?quote=BTC&" + WINDOW, user).body();
        JsonNode usdtInBtc = balance(account(inBtc, a), "USDT");
        assertThat(dec(usdtInBtc, "rate")).isBetween(new BigDecimal("0.000001"), new BigDecimal("0.001"));
        assertThat(dec(balance(account(inBtc, a), "BTC"), "rate")).isEqualByComparingTo("1");
    }

    @Test
    void theSnapshotJobStoresEachActiveBotsEquityAndTheCurveShowsIt() {
        Session user = newUser();
        UUID a = tradedBot(user);
        markActive(a);

        clock.advance(Duration.ofHours(1));
        Instant first = clock.instant();
        snapshots.takeAll();
        clock.advance(Duration.ofHours(1));
        snapshots.takeAll();
        Instant second = clock.instant();

        List<PortfolioRepository.Snapshot> stored = repository.snapshots(user.id(), first.minusSeconds(1), second.plusSeconds(1));
        assertThat(stored).hasSize(2).allMatch(s -> s.botId().equals(a) && s.asset().equals("USDT"));
        for (PortfolioRepository.Snapshot s : stored) {
            // equity = 9769.03 USDT + 0.16025 BTC × the BTC/USDT price of that moment, on the 0.01 tick grid
            BigDecimal price = s.equity().subtract(new BigDecimal("9769.03")).divide(new BigDecimal("0.16025"), 18, RoundingMode.UNNECESSARY);
            assertThat(price.remainder(new BigDecimal("0.01"))).isZero();
            assertThat(price).isBetween(new BigDecimal("10000"), new BigDecimal("500000"));
        }

        String window = "from=" + first.minusSeconds(60) + "&to=" + second.plusSeconds(60);
        JsonNode equity = get("/api/v1/portfolio?" + window, user).body().get("equity");
        JsonNode perBot = equity.get("perBot").get(a.toString());
        assertThat(perBot).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(dec(perBot.get(i), "value")).isEqualByComparingTo(money(stored.get(i).equity()));
            assertThat(Instant.parse(perBot.get(i).get("time").asString())).isEqualTo(stored.get(i).time());
        }
        assertThat(dec(equity.get("total").get(1), "value")).isEqualByComparingTo(money(stored.get(1).equity()));
    }

    @Test
    void stoppingABotStoresAFinalSnapshot() {
        Session user = newUser();
        String bot = start(user, scalper(user, "0.2", "0.2"));
        Instant before = clock.instant().minusSeconds(1);
        assertThat(post("/api/v1/bots/" + bot + "/stop", user, null).status()).isEqualTo(200);
        List<PortfolioRepository.Snapshot> stored = repository.snapshots(user.id(), before, clock.instant().plusSeconds(1));
        assertThat(stored).extracting(PortfolioRepository.Snapshot::botId).contains(UUID.fromString(bot));
    }

    @Test
    void theCurveIsDownsampledToTwoHundredPointsAndOldSnapshotsExpire() {
        Session user = newUser();
        UUID a = bot(user, "A", "BTC/USDT", "1000", "900000");
        UUID b = bot(user, "B", "BTC/USDT", "1000", "900000");
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        // 1000 minutes: bot A worth i, bot B 1000 + i at minute i
        for (int i = 0; i < 1000; i++) {
            Instant at = start.plus(Duration.ofMinutes(i));
            repository.insert(user.id(), new PortfolioRepository.Snapshot(a, at, "USDT", BigDecimal.valueOf(i)));
            repository.insert(user.id(), new PortfolioRepository.Snapshot(b, at, "USDT", BigDecimal.valueOf(1000 + i)));
        }
        Instant end = start.plus(Duration.ofMinutes(1000));
        JsonNode equity = get("/api/v1/portfolio?from=" + start + "&to=" + end, user).body().get("equity");
        // 200 buckets of 5 minutes; each keeps its last snapshot, minute 5k + 4
        JsonNode curveA = equity.get("perBot").get(a.toString());
        assertThat(curveA).hasSize(200);
        assertThat(dec(curveA.get(0), "value")).isEqualByComparingTo("4");
        assertThat(dec(curveA.get(199), "value")).isEqualByComparingTo("999");
        // the total at bucket k: A's (5k + 4) + B's (1000 + 5k + 4) = 10k + 1008
        JsonNode total = equity.get("total");
        assertThat(total).hasSize(200);
        assertThat(dec(total.get(0), "value")).isEqualByComparingTo("1008");
        assertThat(dec(total.get(57), "value")).isEqualByComparingTo("1578");
        assertThat(dec(total.get(199), "value")).isEqualByComparingTo("2998");

        // a window that starts long before the first snapshot still buckets the span of the data
        JsonNode wider = get("/api/v1/portfolio?from=2026-09-01T00:00:00Z&to=" + end, user).body().get("equity");
        assertThat(wider.get("total")).hasSize(200);
        assertThat(dec(wider.get("total").get(57), "value")).isEqualByComparingTo("1578");

        // a snapshot older than the retention (90 days) goes at the next run
        repository.insert(user.id(), new PortfolioRepository.Snapshot(a, clock.instant().minus(Duration.ofDays(91)), "USDT", BigDecimal.ONE));
        snapshots.takeAll();
        assertThat(repository.snapshots(user.id(), clock.instant().minus(Duration.ofDays(92)), clock.instant().minus(Duration.ofDays(90)))).isEmpty();
    }

    @Test
    void anotherUsersBotsAndSnapshotsAreNotInTheCallersPortfolio() {
        Session owner = newUser();
        UUID a = tradedBot(owner);
        repository.insert(owner.id(), new PortfolioRepository.Snapshot(a, Instant.parse("2026-11-30T00:00:00Z"), "USDT", BigDecimal.TEN));
        Session other = newUser();
        JsonNode p = get("/api/v1/portfolio?" + WINDOW, other).body();
        assertThat(p.get("accounts")).isEmpty();
        assertThat(p.get("exposure")).isEmpty();
        assertThat(p.get("total").asString()).isEqualTo("0");
        assertThat(p.get("pnl").get("daily")).isEmpty();
        assertThat(p.get("equity").get("total")).isEmpty();
        assertThat(p.get("equity").get("perBot").size()).isZero();
        assertThat(get("/api/v1/portfolio?" + WINDOW, owner).body().get("equity").get("total")).hasSize(1);
    }

    @Test
    void badParametersAreA400NamingTheField() {
        Session user = newUser();
        Answer quote = get("/api/v1/portfolio?quote=US$", user);
        assertProblem(quote, 400, "VALIDATION_ERROR");
        assertThat(quote.errorFields()).containsExactly("quote");
        assertThat(get("/api/v1/portfolio?quote=ABCDEFGHIJKLMN", user).errorFields()).containsExactly("quote");
        assertThat(get("/api/v1/portfolio?tz=Mars/Olympus", user).errorFields()).containsExactly("tz");
        assertThat(get("/api/v1/portfolio?range=2w", user).errorFields()).containsExactly("range");
        assertThat(get("/api/v1/portfolio?from=yesterday", user).errorFields()).containsExactly("from");
        assertThat(get("/api/v1/portfolio?from=-999999999-01-01T00:00:00Z", user).errorFields()).containsExactly("from");
        assertThat(get("/api/v1/portfolio?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", user).errorFields())
                .containsExactly("from");
        assertThat(get("/api/v1/portfolio", null).status()).isEqualTo(401);
    }

    static List<String> periods(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.get("date").asString() + "=" + new BigDecimal(e.get("realized").asString()).stripTrailingZeros().toPlainString()));
        return out;
    }
}

package dev.botfleet.server.runtime;

import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PAPER bot on the simulated perpetuals through the API: leverage and margin mode validated against the instrument,
 * a SELL-first scalper opening a short from an account that holds no coins, funding booked and journaled, and the
 * paper wallet rebuilt from fills and funding after a restart.
 */
@OnH2
class PerpetualPaperH2Test extends RuntimeTestBase {
    @Autowired
    TradingRuntime runtime;
    @Autowired
    SimFunding funding;

    private Map<String, Object> bot(String exchange, Object leverage, String marginMode, Map<String, Object> config) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "perp", "exchange", exchange, "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER", "config", config));
        if (leverage != null) body.put("leverage", leverage);
        if (marginMode != null) body.put("marginMode", marginMode);
        return body;
    }

    private static Map<String, Object> farConfig() {
        return Map.of("quantity", "0.01", "buyPrice", "1000.00", "sellPrice", "900000.00");
    }

    @Test
    void theSimulatedPerpetualsAreListedWithTheirTerms() {
        JsonNode perp = null;
        for (JsonNode e : get("/api/v1/exchanges", newUser()).body()) if (e.get("id").asString().equals("sim_perp")) perp = e;
        assertThat(perp).isNotNull();
        JsonNode btc = perp.get("symbols").get(0);
        assertThat(btc.get("perpetual").asBoolean()).isTrue();
        assertThat(btc.get("settleAsset").asString()).isEqualTo("USDT");
        assertThat(btc.get("maxLeverage").asString()).isEqualTo("50");
        JsonNode spot = get("/api/v1/exchanges/sim/symbols?q=BTC", newUser()).body().get(0);
        assertThat(spot.get("perpetual").asBoolean()).isFalse();
        assertThat(spot.get("maxLeverage").isNull()).isTrue();
    }

    @Test
    void leverageAndMarginModeAreCheckedAgainstTheInstrument() {
        Session user = newUser();
        Answer above = post("/api/v1/bots", user, bot("sim_perp", "51", null, farConfig()));
        assertProblem(above, 400, "VALIDATION_ERROR");
        assertThat(above.errorFields()).containsExactly("leverage");
        assertThat(above.body().toString()).contains("is above the maximum 50 of BTC/USDT");

        Answer notANumber = post("/api/v1/bots", user, bot("sim_perp", "lots", "SOMETIMES", farConfig()));
        assertProblem(notANumber, 400, "VALIDATION_ERROR");
        assertThat(notANumber.errorFields()).containsExactlyInAnyOrder("leverage", "marginMode");

        Answer onSpot = post("/api/v1/bots", user, bot("sim", 5, null, farConfig()));
        assertProblem(onSpot, 400, "VALIDATION_ERROR");
        assertThat(onSpot.body().toString()).contains("only perpetuals take leverage");
        assertThat(get("/api/v1/bots", user).body().get("items").size()).as("nothing stored").isZero();

        Answer made = post("/api/v1/bots", user, bot("sim_perp", "2.5", "CROSS", farConfig()));
        assertThat(made.status()).as(String.valueOf(made.body())).isEqualTo(201);
        assertThat(made.body().get("leverage").asString()).isEqualTo("2.5");
        assertThat(made.body().get("marginMode").asString()).isEqualTo("CROSS");
        Answer spot = post("/api/v1/bots", user, bot("sim", null, null, farConfig()));
        assertThat(spot.body().get("leverage").isNull()).isTrue();
    }

    @Test
    void aSellFirstScalperShortsPaysFundingAndItsWalletSurvivesARestart() {
        Session user = newUser();
        BigDecimal last = new BigDecimal(get("/api/v1/price/ltp?exchange=sim_perp&symbol=BTC/USDT", user).body()
                .get("price").asString());
        // a sell just below the market takes the next trade: the short opens at once; the buy back rests far below
        Map<String, Object> config = Map.of("firstOrder", "SELL", "quantity", "0.01", "infiniteLoop", false,
                "sellPrice", last.multiply(new BigDecimal("0.99")).setScale(2, RoundingMode.HALF_EVEN),
                "buyPrice", last.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.HALF_EVEN));
        Answer made = post("/api/v1/bots", user, bot("sim_perp", "5", null, config));
        assertThat(made.status()).as(String.valueOf(made.body())).isEqualTo(201);
        String bot = start(user, made.body().get("id").asString());

        JsonNode position = await("the short to open", () -> get("/api/v1/bots/" + bot + "/positions", user).body(),
                p -> p.size() == 1 && p.get(0).get("side").asString().equals("SHORT"));
        assertThat(new BigDecimal(position.get(0).get("quantity").asString())).isEqualByComparingTo("-0.01");
        assertThat(position.get(0).get("leverage").asString()).isEqualTo("5");
        BigDecimal entry = new BigDecimal(position.get(0).get("averageEntryPrice").asString());
        // 5x, 0.5 % maintenance: entry × (1 + 0.2 − 0.005), rounded down to the 0.01 tick
        assertThat(new BigDecimal(position.get(0).get("liquidationPrice").asString()))
                .isEqualByComparingTo(entry.multiply(new BigDecimal("1.195")).setScale(2, RoundingMode.FLOOR));
        JsonNode balances = get("/api/v1/bots/" + bot + "/balances", user).body();
        assertThat(balances).as("a perpetual wallet holds only its settle asset").hasSize(1);
        assertThat(balances.get(0).get("asset").asString()).isEqualTo("USDT");

        // a funding fixing: the short receives 0.01 × mark × 0.0001
        Instant fixing = Instant.parse("2030-01-01T08:00:00Z");
        assertThat(funding.fix(fixing)).isGreaterThanOrEqualTo(1);
        JsonNode funded = await("funding to be booked", () -> get("/api/v1/bots/" + bot + "/positions", user).body(),
                p -> new BigDecimal(p.get(0).get("funding").asString()).signum() > 0);
        BigDecimal received = new BigDecimal(funded.get(0).get("funding").asString());
        Map<String, Object> row = jdbc.sql("SELECT amount, rate, mark_price FROM funding_payments WHERE bot_id = :bot")
                .param("bot", UUID.fromString(bot)).query().singleRow();
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo(received);
        assertThat(((BigDecimal) row.get("mark_price")).multiply(new BigDecimal("0.01")).multiply(new BigDecimal("0.0001")))
                .isEqualByComparingTo(received);
        String walletWhileRunning = get("/api/v1/bots/" + bot + "/balances", user).body().get(0).get("total").asString();

        // stopped, the wallet is rebuilt from the journal: deposit + realized PnL (fees and funding) — the same figure
        post("/api/v1/bots/" + bot + "/stop", user, null);
        await("stopped", () -> runtime.isRunning(UUID.fromString(bot)), running -> !running);
        assertThat(get("/api/v1/bots/" + bot + "/balances", user).body().get(0).get("total").asString())
                .isEqualTo(walletWhileRunning);
        assertThat(get("/api/v1/bots/" + bot + "/positions", user).body().get(0).get("funding").asString())
                .isEqualTo(received.stripTrailingZeros().toPlainString());
    }
}

package dev.botfleet.server.strategy;

import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Strategies and exchanges: the reference data the dashboard builds its forms from. */
public abstract class ReferenceDataApiCases extends ApiTestBase {

    @Test
    void strategiesListTheirParametersWithoutInternalRules() {
        Session user = newUser();
        Answer list = get("/api/v1/strategies", user);
        assertThat(list.status()).isEqualTo(200);
        JsonNode scalper = list.body().get(0);
        assertThat(scalper.get("id").asString()).isEqualTo("scalper");
        assertThat(scalper.get("name").asString()).isEqualTo("Scalper");
        assertThat(scalper.get("description").asString()).isNotBlank();
        assertThat(scalper.has("rules")).isFalse();

        JsonNode first = scalper.get("parameters").get(0);
        assertThat(first.get("name").asString()).isEqualTo("firstOrder");
        assertThat(first.get("type").asString()).isEqualTo("ENUM");
        assertThat(first.get("default").asString()).isEqualTo("BUY");
        assertThat(first.get("options").toString()).isEqualTo("[\"BUY\",\"SELL\"]");

        JsonNode quantity = scalper.get("parameters").get(1);
        assertThat(quantity.get("name").asString()).isEqualTo("quantity");
        assertThat(quantity.get("type").asString()).isEqualTo("DECIMAL");
        assertThat(quantity.get("min").asString()).isEqualTo("0");
        assertThat(quantity.get("exclusiveMin").asBoolean()).isTrue();
        assertThat(quantity.get("required").asBoolean()).isTrue();
        assertThat(quantity.get("unit").asString()).isEqualTo("base");
        assertThat(quantity.get("liveEditable").asBoolean()).isTrue();   // a running bot may take a new quantity
        assertThat(first.get("liveEditable").asBoolean()).isFalse();     // not its side

        JsonNode trailing = scalper.get("parameters").get(4);
        assertThat(trailing.get("max").asString()).isEqualTo("50");
        assertThat(trailing.get("step").asString()).isEqualTo("0.1");
        assertThat(trailing.get("default").asString()).isEqualTo("0");

        assertThat(get("/api/v1/strategies/scalper", user).body()).isEqualTo(scalper);
        assertProblem(get("/api/v1/strategies/martingale", user), 404, "NOT_FOUND");
    }

    @Test
    void exchangesListTheirSymbolsWithPrecision() {
        Session user = newUser();
        Answer list = get("/api/v1/exchanges", user);
        assertThat(list.status()).isEqualTo(200);
        JsonNode sim = list.body().get(0);
        assertThat(sim.get("id").asString()).isEqualTo("sim");
        assertThat(sim.get("liveTrading").asBoolean()).isFalse();
        assertThat(sim.get("paperQuoteBalance").asString()).isEqualTo("10000");  // botfleet.paper.quote-balance
        JsonNode btc = sim.get("symbols").get(0);
        assertThat(btc.get("symbol").asString()).isEqualTo("BTC/USDT");
        assertThat(btc.get("baseAsset").asString()).isEqualTo("BTC");
        assertThat(btc.get("quoteAsset").asString()).isEqualTo("USDT");
        assertThat(btc.get("tickSize").asString()).isEqualTo("0.01");
        assertThat(btc.get("lotSize").asString()).isEqualTo("0.00001");
        assertThat(btc.get("minNotional").asString()).isEqualTo("5");
        assertThat(btc.get("takerFee").asString()).isEqualTo("0.001");
        assertThat(sim.get("symbols")).hasSize(3);
    }

    @Test
    void referenceDataNeedsAToken() {
        assertProblem(request(HttpMethod.GET, "/api/v1/strategies", null, null), 401, "UNAUTHORIZED");
        assertProblem(request(HttpMethod.GET, "/api/v1/exchanges", null, null), 401, "UNAUTHORIZED");
    }

    @Test
    void theIntelligenceSliderTableIsServedAsModuleDexDefinesIt() {
        Session user = newUser();
        Answer levels = get("/api/v1/dex/intel-levels", user);
        assertThat(levels.status()).isEqualTo(200);
        assertThat(levels.body().size()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            JsonNode row = levels.body().get(i);
            var level = dev.botfleet.dex.intel.IntelligenceSlider.level(i + 1);
            assertThat(row.get("level").asInt()).isEqualTo(i + 1);
            assertThat(row.get("name").asString()).isEqualTo(level.name());
            assertThat(row.get("maxRiskScore").asInt()).isEqualTo(level.maxRiskScore());
            assertThat(row.get("positionPercent").asString()).isEqualTo(level.positionPercent().toPlainString());
            assertThat(row.get("slippageBps").asInt()).isEqualTo(level.slippageBps());
            assertThat(row.get("gas").asString()).isEqualTo(level.gas().name());
            assertThat(row.get("lane").asString()).isEqualTo(level.lane().name());
            assertThat(row.get("checks").size()).isEqualTo(level.checks().size());
        }
        // the extremes as docs/dex.md states them
        assertThat(levels.body().get(0).get("lane").asString()).isEqualTo("SMART");
        assertThat(levels.body().get(9).get("lane").asString()).isEqualTo("FAST");
        assertThat(levels.body().get(9).get("checks").toString()).isEqualTo("[\"LIQUIDITY\",\"HONEYPOT\",\"MEMPOOL\"]");
        assertThat(get("/api/v1/dex/intel-levels", null).status()).isEqualTo(401);
    }
}

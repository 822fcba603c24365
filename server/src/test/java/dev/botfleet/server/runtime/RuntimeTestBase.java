package dev.botfleet.server.runtime;

import dev.botfleet.server.support.ApiTestBase;
import dev.botfleet.server.support.SimTrades;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for tests that run bots: the LTP, a scalper around it, start, and awaiting a condition with a deadline. */
public abstract class RuntimeTestBase extends ApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    private TradingRuntime runtimeOfTheContext;
    @org.springframework.beans.factory.annotation.Autowired
    private dev.botfleet.server.bot.BotRepository botsOfTheContext;
    @org.springframework.beans.factory.annotation.Autowired
    private dev.botfleet.engine.runtime.MarketDataHub hubOfTheContext;

    /**
     * Stops every bot a test left running. The Spring context is shared by many test classes: bots left ACTIVE would
     * keep taking ticks (and CPU) for the rest of the run and slow every later test's bots down.
     */
    @org.junit.jupiter.api.AfterEach
    void stopTheBotsThisTestLeftRunning() {
        for (Map<String, Object> row : jdbc.sql("SELECT id, owner_id FROM bots WHERE status = 'ACTIVE'").query().listOfRows()) {
            java.util.UUID id = (java.util.UUID) row.get("id");
            java.util.UUID owner = (java.util.UUID) row.get("owner_id");
            botsOfTheContext.find(owner, id).ifPresent(bot -> {
                jdbc.sql("UPDATE bots SET status = 'STOPPED' WHERE id = :id").param("id", id).update();
                botRowChanged(id);
                runtimeOfTheContext.stop(bot, "the test ended");
                runtimeOfTheContext.awaitStopped(id);
            });
        }
    }

    protected BigDecimal ltp() {
        Answer a = get("/api/v1/price/ltp?exchange=sim&symbol=BTC/USDT", newUser());
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        return new BigDecimal(a.body().get("price").asString());
    }

    /** A scalper bot on sim BTC/USDT buying {@code below} and selling {@code above} the LTP (fractions, 0.0005 = 0.05%). */
    protected String scalper(Session user, String below, String above) {
        BigDecimal price = ltp();
        Map<String, Object> config = new HashMap<>();
        config.put("quantity", "0.001");
        config.put("buyPrice", price.multiply(BigDecimal.ONE.subtract(new BigDecimal(below))).setScale(2, RoundingMode.HALF_EVEN));
        config.put("sellPrice", price.multiply(BigDecimal.ONE.add(new BigDecimal(above))).setScale(2, RoundingMode.HALF_EVEN));
        Map<String, Object> body = new HashMap<>(Map.of("name", "scalper", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER"));
        body.put("config", config);
        Answer created = post("/api/v1/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    /**
     * {@link #await} that, before each read, makes one sim trade through each of the bot's open orders
     * ({@link SimTrades}): for tests that need fills, not a test of when the walk gives them.
     */
    protected <T> T awaitFilling(String what, Session user, String bot, java.util.function.Supplier<T> read,
                                 java.util.function.Predicate<T> done) {
        return await(what, () -> {
            SimTrades.through(hubOfTheContext, clock, get("/api/v1/bots/" + bot + "/orders?status=open", user).body());
            return read.get();
        }, done);
    }

    /**
     * Stops the bot and waits until its stop is carried out. The API answers once the stop is decided; the bot's last
     * turn (its cancels, its writes behind) ends after that, so no open order is no proof of it: an order placed just
     * before the stop may not be stored yet.
     */
    protected void stopAndAwaitItsLastTurn(Session user, String bot) {
        Answer stopped = post("/api/v1/bots/" + bot + "/stop", user, null);
        assertThat(stopped.status()).as(String.valueOf(stopped.body())).isEqualTo(200);
        runtimeOfTheContext.awaitStopped(java.util.UUID.fromString(bot));
    }

    protected String start(Session user, String bot) {
        Answer started = post("/api/v1/bots/" + bot + "/start", user, null);
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(200);
        assertThat(started.body().get("status").asString()).isEqualTo("ACTIVE");
        return bot;
    }

}

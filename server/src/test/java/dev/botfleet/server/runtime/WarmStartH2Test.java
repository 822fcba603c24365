package dev.botfleet.server.runtime;

import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An RSI bot started on paper is warm at once (the sim market has a past) and decides on its first live candle:
 * with an oversold level it cannot miss, it buys within its first minute instead of after 15 minutes of waiting.
 */
@OnH2
class WarmStartH2Test extends RuntimeTestBase {
    @Test
    void anRsiBotShowsItsWarmupAndTradesWithinItsFirstMinute() {
        Session user = newUser();
        Map<String, Object> body = new HashMap<>(Map.of("name", "rsi", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "rsi", "mode", "PAPER"));
        body.put("config", Map.of("rsiPeriod", 14, "oversold", "99.9", "overbought", "100", "orderAmount", "100"));
        Answer created = post("/api/v1/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.body().get("warmup").isNull()).as("not running: no warm-up").isTrue();
        String bot = start(user, created.body().get("id").asString());

        JsonNode warm = await("the warm-up reported", () -> get("/api/v1/bots/" + bot, user).body().get("warmup"),
                w -> w != null && !w.isNull() && w.get("received").asInt() == w.get("needed").asInt());
        assertThat(warm.get("needed").asInt()).isEqualTo(16);
        // the activity line is written behind the bot's turn (docs/architecture.md, step 9): stored a moment after the
        // kernel's progress, which the API reads from memory
        await("the warm-up's activity line", () -> get("/api/v1/logs?botId=" + bot, user).body().get("items").toString(),
                logs -> logs.contains("Warmed up on 16 past candles"));

        // the first live candle closes with the first tick of the next minute: move the clock there rather than wait
        // up to a minute for it (the sim feed stamps its ticks with this clock)
        clock.advance(java.time.Duration.ofSeconds(60));
        JsonNode fills = await("a buy on the first live candle", () -> get("/api/v1/bots/" + bot + "/trades", user).body(),
                t -> !t.isEmpty());
        assertThat(fills.get(0).get("side").asString()).isEqualTo("BUY");
    }
}

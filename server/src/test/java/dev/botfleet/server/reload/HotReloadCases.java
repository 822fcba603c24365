package dev.botfleet.server.reload;

import dev.botfleet.server.runtime.RuntimeTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PUT on a running bot (hot reload) through the API, on the fast sim feed: a paper scalper holding a position takes a
 * new exit price at its next turn without losing the position or its other orders; structural changes are 409 naming
 * the fields, invalid values 400 naming the parameter; the activity log has the diff; a restart runs the new config.
 */
public abstract class HotReloadCases extends RuntimeTestBase {

    /** A running scalper that bought at once (its buy is above the market) and rests its sell 5 % up. */
    private record Holding(String bot, Map<String, Object> body, BigDecimal ltp) {
    }

    private Holding holdingScalper(Session user) {
        BigDecimal ltp = ltp();
        Map<String, Object> config = new HashMap<>();
        config.put("quantity", "0.001");
        config.put("buyPrice", price(ltp, "1.01"));
        config.put("sellPrice", price(ltp, "1.05"));
        Map<String, Object> body = new HashMap<>(Map.of("name", "reloaded", "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER"));
        body.put("config", config);
        Answer created = post("/api/v1/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String bot = start(user, created.body().get("id").asString());
        await("the entry filled and the exit resting", () -> openOrders(user, bot),
                open -> open.size() == 1 && open.getFirst().get("side").asString().equals("SELL"));
        return new Holding(bot, body, ltp);
    }

    private static String price(BigDecimal ltp, String factor) {
        return ltp.multiply(new BigDecimal(factor)).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private List<JsonNode> openOrders(Session user, String bot) {
        List<JsonNode> out = new ArrayList<>();
        get("/api/v1/bots/" + bot + "/orders?status=open", user).body().forEach(out::add);
        return out;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = new HashMap<>((Map<String, Object>) body.get("config"));
        config.put(key, value);
        copy.put("config", config);
        return copy;
    }

    private BigDecimal position(Session user, String bot) {
        JsonNode positions = get("/api/v1/bots/" + bot + "/positions", user).body();
        return positions.isEmpty() ? BigDecimal.ZERO : new BigDecimal(positions.get(0).get("quantity").asString());
    }

    private List<String> log(Session user, String bot) {
        List<String> messages = new ArrayList<>();
        get("/api/v1/logs?size=100&botId=" + bot, user).body().get("items")
                .forEach(e -> messages.add(e.get("message").asString()));
        return messages;
    }

    @Test
    void aRunningBotTakesANewExitPriceAtItsNextTurnAndKeepsItsPosition() {
        Session user = newUser();
        Holding h = holdingScalper(user);
        String oldSell = openOrders(user, h.bot()).getFirst().get("clientOrderId").asString();
        String newPrice = price(h.ltp(), "1.04");
        Map<String, Object> edited = with(h.body(), "sellPrice", newPrice);
        edited.put("name", "reloaded-2");

        Answer put = put("/api/v1/bots/" + h.bot(), user, edited);
        assertThat(put.status()).as(String.valueOf(put.body())).isEqualTo(200);
        assertThat(put.body().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(put.body().get("name").asString()).isEqualTo("reloaded-2");
        assertThat(put.body().get("config").get("sellPrice").asString()).isEqualTo(newPrice);

        List<JsonNode> open = await("the exit re-placed at the new price", () -> openOrders(user, h.bot()),
                o -> o.size() == 1 && o.getFirst().get("price").asString().equals(newPrice));
        assertThat(open.getFirst().get("side").asString()).isEqualTo("SELL");
        assertThat(open.getFirst().get("clientOrderId").asString()).isNotEqualTo(oldSell);
        assertThat(position(user, h.bot())).isEqualByComparingTo("0.001");   // the position is kept
        JsonNode trades = get("/api/v1/bots/" + h.bot() + "/trades", user).body();
        assertThat(trades).hasSize(1);                                       // nothing bought or sold again
        String oldPrice = price(h.ltp(), "1.05");
        assertThat(log(user, h.bot())).contains("Bot 'reloaded-2' reconfigured while running: name reloaded → "
                + "reloaded-2, sellPrice " + oldPrice + " → " + newPrice);

        // a change that leaves the resting exit right keeps it, same id
        String kept = open.getFirst().get("clientOrderId").asString();
        Answer loopOff = put("/api/v1/bots/" + h.bot(), user, with(with(h.body(), "sellPrice", newPrice),
                "infiniteLoop", false));
        assertThat(loopOff.status()).as(String.valueOf(loopOff.body())).isEqualTo(200);
        await("the change applied", () -> log(user, h.bot()),
                l -> l.stream().filter(m -> m.equals("New configuration applied")).count() >= 2);
        assertThat(openOrders(user, h.bot())).extracting(o -> o.get("clientOrderId").asString()).containsExactly(kept);

        // a restart runs the stored config: the exit is placed again at the new price for the journaled position
        post("/api/v1/bots/" + h.bot() + "/stop", user, null);
        await("stopped, its exit canceled", () -> openOrders(user, h.bot()), List::isEmpty);
        start(user, h.bot());
        List<JsonNode> again = await("the exit placed again", () -> openOrders(user, h.bot()), o -> o.size() == 1);
        assertThat(again.getFirst().get("price").asString()).isEqualTo(newPrice);
        assertThat(position(user, h.bot())).isEqualByComparingTo("0.001");
    }

    @Test
    void structuralChangesNeedAStopAndInvalidValuesNameTheParameter() {
        Session user = newUser();
        Holding h = holdingScalper(user);
        String sell = openOrders(user, h.bot()).getFirst().get("clientOrderId").asString();

        Map<String, Object> otherSymbol = new HashMap<>(h.body());
        otherSymbol.put("symbol", "ETH/USDT");
        Answer symbol = put("/api/v1/bots/" + h.bot(), user, otherSymbol);
        assertProblem(symbol, 409, "BOT_RUNNING_STRUCTURAL_CHANGE");
        assertThat(symbol.body().get("fields").get(0).asString()).isEqualTo("symbol");

        Answer side = put("/api/v1/bots/" + h.bot(), user, with(h.body(), "firstOrder", "SELL"));
        assertProblem(side, 409, "BOT_RUNNING_STRUCTURAL_CHANGE");
        assertThat(side.body().get("fields").get(0).asString()).isEqualTo("config.firstOrder");

        Answer invalid = put("/api/v1/bots/" + h.bot(), user, with(h.body(), "sellPrice", "-1"));
        assertProblem(invalid, 400, "VALIDATION_ERROR");
        assertThat(invalid.errorFields()).contains("config.sellPrice");

        JsonNode bot = get("/api/v1/bots/" + h.bot(), user).body();   // nothing was stored
        assertThat(bot.get("symbol").asString()).isEqualTo("BTC/USDT");
        assertThat(bot.get("config").get("firstOrder").asString()).isEqualTo("BUY");
        assertThat(bot.get("config").get("sellPrice").asString()).isEqualTo(price(h.ltp(), "1.05"));
        assertThat(openOrders(user, h.bot())).extracting(o -> o.get("clientOrderId").asString()).containsExactly(sell);
        assertThat(log(user, h.bot())).noneMatch(m -> m.contains("reconfigured"));

        Session other = newUser();                                     // another user's bot: 404 as everywhere
        assertThat(put("/api/v1/bots/" + h.bot(), other, h.body()).status()).isEqualTo(404);
    }
}

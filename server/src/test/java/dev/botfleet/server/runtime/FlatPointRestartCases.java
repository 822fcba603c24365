package dev.botfleet.server.runtime;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.position.Position;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.server.order.BotHistory;
import dev.botfleet.server.order.OrderRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bot starts where it last stood flat: the journal marks the fill that left it flat (V56), a start reads only the
 * fills after it, and what it rebuilds from them — position, paper balances, the journal's own position — is what
 * replaying every fill gives.
 */
abstract class FlatPointRestartCases extends RuntimeTestBase {
    @Autowired
    OrderRepository orders;
    @Autowired
    SessionFactory sessions;
    @Autowired
    SimOrderRecord simOrders;
    @Autowired
    dev.botfleet.engine.runtime.MarketDataHub hub;

    private static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();

    @Test
    void aRestartReadsOnlyTheFillsAfterTheLastFlatPointAndRebuildsWhatEveryFillWould() {
        Session user = newUser();
        String bot = start(user, scalper(user, "0.0002", "0.0002"));
        UUID botId = UUID.fromString(bot);
        awaitFilling("two completed round trips", user, bot, () -> get("/api/v1/bots/" + bot + "/stats", user).body(),
                s -> s.get("totalTrades").asLong() >= 2);
        stopAndAwaitItsLastTurn(user, bot);

        List<Fill> all = orders.fills(botId);
        BotHistory history = orders.history(botId, "BTC/USDT");
        assertThat(history.flat()).as("the journal marked where the bot last stood flat").isNotNull();
        int lastFlat = lastIndexFlatAfter(all);
        assertThat(history.flat().tradeId()).isEqualTo(all.get(lastFlat).tradeId());
        assertThat(history.fills()).as("only the fills after it").containsExactlyElementsOf(all.subList(lastFlat + 1, all.size()));

        Position replayed = position(BotHistory.all(all));
        Position restarted = position(history);
        assertThat(restarted.quantity()).isEqualByComparingTo(replayed.quantity());
        assertThat(restarted.realizedPnl()).isEqualByComparingTo(replayed.realizedPnl()).isNotZero();
        assertThat(restarted.fees().get("USDT")).isEqualByComparingTo(replayed.fees().get("USDT"));
        for (String asset : List.of("USDT", "BTC")) {
            assertThat(balance(botId, history, asset)).as(asset).isEqualByComparingTo(balance(botId, BotHistory.all(all), asset));
        }

        // started again from the flat point, the journal books on from there: its position row is every fill replayed
        start(user, bot);
        int before = all.size();
        awaitFilling("a fill after the restart", user, bot, () -> orders.fills(botId).size(), n -> n > before);
        stopAndAwaitItsLastTurn(user, bot);
        Position everyFill = position(BotHistory.all(orders.fills(botId)));
        var row = jdbc.sql("SELECT quantity, realized_pnl FROM positions WHERE bot_id = :bot").param("bot", botId)
                .query().singleRow();
        assertThat((BigDecimal) row.get("quantity")).isEqualByComparingTo(everyFill.quantity());
        assertThat((BigDecimal) row.get("realized_pnl")).isEqualByComparingTo(everyFill.realizedPnl());
        BigDecimal deals = jdbc.sql("SELECT COALESCE(SUM(pnl), 0) FROM deals WHERE bot_id = :bot").param("bot", botId)
                .query(BigDecimal.class).single();
        assertThat(new BigDecimal(get("/api/v1/bots/" + bot, user).body().get("pnl").asString())).isEqualByComparingTo(deals);
    }

    @Test
    void aBotThatNeverStoodFlatReplaysEveryFill() {
        Session user = newUser();
        // a trade through its buy only: the entry fills, the exit never does
        String bot = start(user, scalper(user, "0.0002", "0.2"));
        UUID botId = UUID.fromString(bot);
        await("the entry", () -> {
            for (var order : get("/api/v1/bots/" + bot + "/orders?status=open", user).body()) {
                if (order.get("side").asString().equals("BUY")) {
                    dev.botfleet.server.support.SimTrades.through(hub, clock, tools.jackson.databind.node.JsonNodeFactory
                            .instance.arrayNode().add(order));
                }
            }
            return orders.fills(botId).size();
        }, n -> n >= 1);
        stopAndAwaitItsLastTurn(user, bot);
        BotHistory history = orders.history(botId, "BTC/USDT");
        assertThat(history.flat()).isNull();
        assertThat(history.fills()).containsExactlyElementsOf(orders.fills(botId));
    }

    /** The index of the last fill after which the bot held nothing (sim fees are in quote: base moves by quantity). */
    private static int lastIndexFlatAfter(List<Fill> fills) {
        BigDecimal held = BigDecimal.ZERO;
        int last = -1;
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            held = f.side() == OrderSide.BUY ? held.add(f.quantity()) : held.subtract(f.quantity());
            if (held.signum() == 0) last = i;
        }
        return last;
    }

    private static Position position(BotHistory history) {
        Position p = new Position("b", BTC);
        if (history.flatPoint() != null) p.startAt(history.flatPoint());
        for (Fill f : history.fills()) p.apply(f.toEvent());
        return p;
    }

    private BigDecimal balance(UUID botId, BotHistory history, String asset) {
        PaperExchange exchange = PaperExchange.rebuild(BTC, sessions.initialBalances(BTC), history, List.of(), null,
                List.of(), simOrders, botId);
        return exchange.balance(asset).map(Balance::total).orElseThrow();
    }
}

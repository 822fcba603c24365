package dev.botfleet.server.order;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.Order;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderRequest;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.DealPolicy;
import dev.botfleet.engine.sim.SimMarkets;
import dev.botfleet.server.common.Transactions;
import dev.botfleet.server.runtime.RuntimeTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's flat point names the orders a start must look up: an order resting through the flat point and one
 * placed after it are found, from the mark, exactly as a scan of all the bot's orders finds them; one filled or
 * canceled is not among them.
 */
abstract class FlatMarkJournalCases extends RuntimeTestBase {
    private static final Instrument BTC = SimMarkets.find("BTC/USDT").orElseThrow().instrument();
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Autowired
    OrderRepository orders;
    @Autowired
    FundingRepository funding;
    @Autowired
    TransactionTemplate transactions;

    private String botId;
    private JdbcOrderJournal journal;
    private int second;

    @Test
    void aStartFromTheMarkFindsTheOrdersRestingThroughItAndThosePlacedAfter() {
        Session user = newUser();
        UUID bot = UUID.fromString(scalper(user, "0.2", "0.2"));  // never started: the test is its journal
        botId = bot.toString();
        journal = new JdbcOrderJournal(orders, funding, Transactions.of(transactions), clock, user.id(), bot, BTC,
                BotHistory.all(List.of()), List.of(), deal -> { }, DealPolicy.FLAT_POSITION, null);
        journal.startsWith(List.of(), 1);

        Order resting = placed(1, OrderSide.SELL, "90000.00");     // far above: rests through everything
        Order entry = placed(2, OrderSide.BUY, "60000.00");
        filled(entry, "60000.00");
        Order exit = placed(3, OrderSide.SELL, "60100.00");
        filled(exit, "60100.00");                                   // flat: the mark
        Order canceled = placed(4, OrderSide.BUY, "59000.00");
        canceled.apply(new OrderEvent.OrderCanceled(canceled.clientOrderId(), next()));
        journal.recordEvent(canceled.snapshot(), null);
        placed(5, OrderSide.BUY, "59500.00");                       // placed after the mark, open

        BotHistory history = orders.history(bot, "BTC/USDT");
        assertThat(history.flat().openOrders()).as("open when the bot stood flat").containsExactly(id(1));
        assertThat(history.flat().nextSequence()).isEqualTo(4);
        assertThat(history.flat().point().realizedPnl()).isEqualByComparingTo("0.1");  // (60100 - 60000) x 0.001
        assertThat(history.fills()).isEmpty();

        List<String> ids = orders.clientOrderIds(bot);
        List<String> fromMark = orders.openOrders(bot, history.flat(), ids).stream().map(OrderSnapshot::clientOrderId).toList();
        assertThat(fromMark).containsExactly(id(1), id(5))
                .isEqualTo(orders.openOrders(bot).stream().map(OrderSnapshot::clientOrderId).toList());

        // the order resting through the mark fills later: the next mark no longer names it
        Order buyAgain = placed(6, OrderSide.BUY, "90000.00");
        filled(buyAgain, "90000.00");
        filled(resting, "90000.00");                                // flat again
        BotHistory later = orders.history(bot, "BTC/USDT");
        assertThat(later.flat().openOrders()).containsExactly(id(5));
        assertThat(later.flat().nextSequence()).isEqualTo(7);
        assertThat(orders.openOrders(bot, later.flat(), orders.clientOrderIds(bot))).extracting(OrderSnapshot::clientOrderId)
                .containsExactly(id(5));
    }

    private String id(int sequence) {
        return botId + "-" + sequence;
    }

    private Instant next() {
        return T.plusSeconds(++second);
    }

    private Order placed(int sequence, OrderSide side, String price) {
        Order order = new Order(botId, id(sequence), "sim", "BTC/USDT",
                OrderRequest.limit(side, new BigDecimal("0.001"), new BigDecimal(price)), next());
        order.apply(new OrderEvent.OrderSubmitted(order.clientOrderId(), next()));
        journal.recordNew(order.snapshot());
        order.apply(new OrderEvent.OrderAccepted(order.clientOrderId(), "x-" + sequence, next()));
        journal.recordEvent(order.snapshot(), null);
        return order;
    }

    private void filled(Order order, String price) {
        OrderSnapshot s = order.snapshot();
        OrderEvent.OrderFilled event = new OrderEvent.OrderFilled(s.clientOrderId(), s.clientOrderId() + "-t",
                s.side(), new BigDecimal(price), s.quantity(), BigDecimal.ZERO, "USDT", Liquidity.MAKER, next());
        order.apply(event);
        journal.recordFill(order.snapshot(), new Fill(botId, s.clientOrderId(), event.tradeId(), "sim", "BTC/USDT",
                s.side(), event.price(), event.quantity(), event.fee(), event.feeCurrency(), event.liquidity(),
                BigDecimal.ZERO, event.timestamp()));
    }
}

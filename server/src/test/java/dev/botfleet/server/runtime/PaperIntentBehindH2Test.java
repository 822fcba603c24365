package dev.botfleet.server.runtime;

import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paper bot's order intent is written behind its turn: the turn (and the tick shard it runs in) never waits for the
 * commit, and journal before send is kept by the paper exchange, which takes the order only once the intent is
 * committed. Staged by holding the writer of the bot's commit lane inside a unit of work, so nothing of that lane can
 * commit until the test lets it go.
 */
@OnH2
class PaperIntentBehindH2Test extends RuntimeTestBase {
    @Autowired
    TradingRuntime runtime;
    @Autowired
    GroupCommit commits;

    /**
     * Holds the writer of the bot's lane — a paper bot writes behind, on its write-behind lane — inside a unit (so in
     * an open transaction) until the returned action is run.
     */
    private Runnable holdLane(UUID bot) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        commits.behindLane(bot).submit(() -> {
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, () -> { }, e -> { });
        assertThat(holding.await(30, TimeUnit.SECONDS)).as("the lane's writer is held").isTrue();
        return release::countDown;
    }

    /** The bot's first order as its kernel sees it, read on the bot's turn (empty if the turn does not answer in time). */
    private Optional<OrderSnapshot> firstOrder(UUID bot) {
        return runtime.inspect(bot, k -> k.openOrders().stream().filter(o -> o.clientOrderId().equals(bot + "-1"))
                .findFirst().orElse(null));
    }

    private BigDecimal reservedUsdt(UUID bot) {
        return runtime.inspect(bot, k -> k.balance("USDT").orElseThrow().reserved()).orElseThrow();
    }

    private long received(UUID bot) {
        return jdbc.sql("SELECT COALESCE(SUM(submissions), 0) FROM sim_orders WHERE client_order_id = :cid")
                .param("cid", bot + "-1").query(Long.class).single();
    }

    private long journaled(UUID bot) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE client_order_id = :cid").param("cid", bot + "-1")
                .query(Long.class).single();
    }

    @Test
    void anOrderReachesTheExchangeOnlyOnceItsIntentIsCommittedAndTheTurnNeverWaitsForIt() throws Exception {
        Session user = newUser();
        String bot = scalper(user, "0.2", "0.2");  // 20 % below the market: the buy rests
        UUID id = UUID.fromString(bot);
        Runnable release = holdLane(id);
        try {
            start(user, bot);
            // the bot's turn answers although its intent cannot commit (it used to wait for that commit)
            OrderSnapshot handedOver = await("order 1 handed to the port", () -> firstOrder(id), Optional::isPresent)
                    .orElseThrow();
            assertThat(handedOver.status()).isEqualTo(OrderStatus.SUBMITTED);
            assertThat(journaled(id)).as("not committed yet").isZero();
            assertThat(reservedUsdt(id)).as("the exchange has not taken it: nothing reserved").isZero();
        } finally {
            release.run();
        }
        await("order 1 accepted by the exchange", () -> firstOrder(id).map(OrderSnapshot::status),
                s -> s.equals(Optional.of(OrderStatus.ACCEPTED)));
        assertThat(reservedUsdt(id)).isPositive();
        await("its receipt stored", () -> received(id), n -> n == 1L);
        assertThat(journaled(id)).isEqualTo(1);
    }

    @Test
    void anOrderCanceledBeforeItsIntentCommitsNeverReachesTheExchange() throws Exception {
        Session user = newUser();
        String bot = scalper(user, "0.2", "0.2");
        UUID id = UUID.fromString(bot);
        Runnable release = holdLane(id);
        try {
            start(user, bot);
            await("order 1 handed to the port", () -> firstOrder(id), Optional::isPresent);
            // A scalper whose order is canceled by hand ends its plan, and storing that stop waits for the held lane:
            // the cancel's turn is not awaited here, only known to have begun (so it comes before the commit's send).
            CountDownLatch canceling = new CountDownLatch(1);
            Thread.ofVirtual().start(() -> runtime.inspect(id, k -> {
                canceling.countDown();
                return k.cancel(bot + "-1");
            }));
            assertThat(canceling.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.run();
        }
        await("order 1 journaled canceled", () -> jdbc.sql("SELECT status FROM orders WHERE client_order_id = :cid")
                .param("cid", bot + "-1").query(String.class).optional(), s -> s.equals(Optional.of("CANCELED")));
        await("the scalper stopped, its plan over", () -> get("/api/v1/bots/" + bot, user).body().get("status").asString(),
                "STOPPED"::equals);
        assertThat(received(id)).as("order 1 never reached the exchange").isZero();
    }
}

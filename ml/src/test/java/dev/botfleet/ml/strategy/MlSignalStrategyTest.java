package dev.botfleet.ml.strategy;

import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.CloseReason;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.ml.TestData;
import dev.botfleet.ml.training.TimeSplit;
import dev.botfleet.ml.training.Trainer;
import dev.botfleet.ml.training.TrainingParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ml-signal strategy on a kernel fed ticks, with small models trained in the test on the shared LTC/BTC data. */
class MlSignalStrategyTest {

    private static final MlBotHarness.Models MODELS = new MlBotHarness.Models();

    @BeforeAll
    static void trainModels() {
        MODELS.texts.put("m1", TestData.smallModel());
        MODELS.texts.put("m2", new Trainer(TrainingParameters.defaults().withIterations(10).withSeed(7))
                .train(TimeSplit.of(TestData.ltcTrainingSet(), 0.25)).modelText());
    }

    private static Map<String, Object> config(String model, String threshold) {
        Map<String, Object> c = new HashMap<>();
        c.put("model", model);
        c.put("confidence_threshold", threshold);
        c.put("capital_per_trade", "0.1");
        c.put("max_positions", 2);
        return c;
    }

    @Test
    void decidesEveryTwoSecondsOnceSixtySecondsOfTradesAreIn() {
        List<Tick> ticks = MlBotHarness.ltcTicks(0, 200);
        MlBotHarness bot = new MlBotHarness(MlBotHarness.config(config("m1", "1")), MODELS);
        bot.start(ticks);
        bot.feed(ticks);

        assertThat(bot.decisions).hasSizeGreaterThan(100);
        long first = bot.decisions.getFirst().time().toEpochMilli();
        assertThat(first - ticks.getFirst().timestamp()).isGreaterThanOrEqualTo(60_000);
        for (int i = 1; i < bot.decisions.size(); i++) {
            long gap = bot.decisions.get(i).time().toEpochMilli() - bot.decisions.get(i - 1).time().toEpochMilli();
            assertThat(gap).isGreaterThanOrEqualTo(2000);
        }
        assertThat(bot.decisions).allSatisfy(d -> {
            assertThat(d.confidence()).isBetween(0.0, 1.0);
            assertThat(d.threshold()).isEqualTo(1.0);
            assertThat(d.acted()).isFalse();   // a probability never reaches 1: nothing is traded
            assertThat(d.features()).hasSize(26);
            assertThat(d.modelId()).isEqualTo("m1");
        });
        assertThat(bot.orders).isEmpty();
        assertThat(bot.decisions.stream().mapToDouble(MlDecision::confidence).distinct().count()).isGreaterThan(10);
    }

    @Test
    void entersWithMakerLimitBuysThatTimeOutAndExitsAtTakeProfitStopLossOrHoldingTime() {
        List<Tick> ticks = MlBotHarness.ltcTicks(0, 1500);
        Map<String, Object> c = config("m1", "0.3");
        c.put("maker_order_timeout", 4);
        c.put("holding_time", 20);
        c.put("max_positions", 1);   // one lot at a time: each deal is exactly one entry and its exit
        MlBotHarness bot = new MlBotHarness(MlBotHarness.config(c), MODELS);
        bot.start(ticks);
        bot.feed(ticks);

        List<MlDecision> acted = bot.decisions.stream().filter(MlDecision::acted).toList();
        assertThat(acted).hasSizeGreaterThan(10);
        assertThat(acted).allSatisfy(d -> assertThat(d.confidence()).isGreaterThanOrEqualTo(0.3));
        assertThat(bot.decisions.stream().filter(d -> !d.acted() && d.confidence() >= 0.3)
                .map(MlDecision::note)).allMatch(n -> n.startsWith("max positions"));
        for (MlDecision d : acted) {
            OrderSnapshot entry = bot.orders.get(d.clientOrderId());
            assertThat(entry.side()).isEqualTo(OrderSide.BUY);
            assertThat(entry.type()).isEqualTo(OrderType.LIMIT);
            assertThat(MlBotHarness.LTC_BTC.isOnTick(entry.price())).isTrue();
            assertThat(MlBotHarness.LTC_BTC.isOnLot(entry.quantity())).isTrue();
            // capital / price rounded down to the lot: never more than the capital, less than one lot short of it
            BigDecimal expected = MlBotHarness.LTC_BTC.roundQuantity(
                    new BigDecimal("0.1").divide(entry.price(), MathContext.DECIMAL64));
            assertThat(entry.quantity()).isEqualByComparingTo(expected);
            assertThat(entry.status()).isIn(OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.ACCEPTED,
                    OrderStatus.PARTIALLY_FILLED);
            // the decision line names the confidence that caused the order
            assertThat(bot.lines(ActivityLevel.INFO)).anyMatch(l -> l.startsWith("Entry " + d.clientOrderId()
                    + ": confidence "));
        }
        // an entry never rests past the maker timeout (checked at the next trade: at most 2 seconds later here)
        assertThat(bot.orders.values().stream().filter(o -> o.side() == OrderSide.BUY
                && o.status() == OrderStatus.CANCELED)).isNotEmpty().allSatisfy(o ->
                assertThat(o.updatedAt().toEpochMilli() - o.createdAt().toEpochMilli()).isBetween(4000L, 6000L));
        // the positions close at the take profit, the stop loss and the holding time
        assertThat(bot.deals).extracting(d -> d.closeReason())
                .contains(CloseReason.TAKE_PROFIT, CloseReason.STOP_LOSS, CloseReason.TIME_LIMIT);
        assertThat(bot.deals).allSatisfy(d -> {
            if (d.closeReason() == CloseReason.TAKE_PROFIT) {
                assertThat(d.exitPrice()).isGreaterThanOrEqualTo(d.entryPrice().multiply(new BigDecimal("1.004")));
            }
            if (d.closeReason() == CloseReason.TIME_LIMIT) {
                assertThat(d.closedAt().toEpochMilli() - d.openedAt().toEpochMilli()).isGreaterThanOrEqualTo(20_000);
            }
        });
        assertThat(bot.strategy.openPositions()).isLessThanOrEqualTo(1);
        assertThat(bot.stoppedReason).isNull();
    }

    @Test
    void aNewModelIsSwappedInAtTheNextTurnKeepingOrdersAndAMissingOneFailsTheBot() {
        List<Tick> ticks = MlBotHarness.ltcTicks(0, 400);
        Map<String, Object> c = config("m1", "0.3");
        c.put("maker_order_timeout", 600);   // the entry stays open across the swap
        MlBotHarness bot = new MlBotHarness(MlBotHarness.config(c), MODELS);
        bot.start(ticks);
        bot.feed(ticks.subList(0, 600));
        int before = bot.decisions.size();
        assertThat(bot.decisions).allMatch(d -> d.modelId().equals("m1"));
        List<String> openBefore = bot.kernel.openOrders().stream().map(OrderSnapshot::clientOrderId).toList();

        Map<String, Object> swapped = new HashMap<>(c);
        swapped.put("model", "m2");
        bot.kernel.reconfigure(MlBotHarness.config(swapped));
        assertThat(bot.lines(ActivityLevel.INFO)).contains("Model switched from 'm1' to 'm2'");
        assertThat(bot.kernel.openOrders().stream().map(OrderSnapshot::clientOrderId).toList())
                .containsExactlyElementsOf(openBefore);
        bot.feed(ticks.subList(600, 700));
        assertThat(bot.decisions.subList(before, bot.decisions.size())).isNotEmpty()
                .allMatch(d -> d.modelId().equals("m2"));

        swapped.put("model", "gone");
        bot.kernel.reconfigure(MlBotHarness.config(swapped));
        assertThat(bot.stoppedInError).isTrue();
        assertThat(bot.stoppedReason).contains("model gone does not exist");
        assertThat(bot.kernel.isRunning()).isFalse();
    }

    @Test
    void aRestartAdoptsTheHeldPositionAndPlacesItsTakeProfitWhenNoneRests() {
        List<Tick> ticks = MlBotHarness.ltcTicks(0, 600);
        Map<String, Object> c = config("m1", "0.3");
        c.put("max_positions", 1);
        c.put("holding_time", 600);
        MlBotHarness first = new MlBotHarness(MlBotHarness.config(c), MODELS);
        first.start(ticks);
        int i = 0;
        while (i < ticks.size() && !(first.kernel.position().quantity().signum() > 0
                && first.kernel.openOrders().stream().anyMatch(o -> o.side() == OrderSide.SELL))) {
            first.kernel.onTick(ticks.get(i++));
        }
        assertThat(i).as("a position with its take profit before the data ends").isLessThan(ticks.size());
        OrderSnapshot takeProfit = first.kernel.openOrders().stream().filter(o -> o.side() == OrderSide.SELL)
                .findFirst().orElseThrow();
        first.kernel.cancel(takeProfit.clientOrderId());   // the take profit is gone when the bot restarts
        assertThat(first.kernel.openOrders()).noneMatch(o -> o.side() == OrderSide.SELL);
        BigDecimal held = first.kernel.position().quantity();
        BigDecimal entry = first.kernel.position().averageEntryPrice();

        MlBotHarness second = new MlBotHarness(MlBotHarness.config(c), MODELS, first);
        second.kernel.start(ticks.get(i).time());

        List<OrderSnapshot> sells = second.kernel.openOrders().stream().filter(o -> o.side() == OrderSide.SELL)
                .toList();
        assertThat(sells).hasSize(1);
        assertThat(sells.getFirst().quantity()).isEqualByComparingTo(held);
        assertThat(sells.getFirst().price()).isGreaterThanOrEqualTo(entry.multiply(new BigDecimal("1.004")));
        assertThat(second.strategy.openPositions()).isEqualTo(1);
        // the restored position counts against max_positions: no entry until it is closed
        second.feed(ticks.subList(i, ticks.size()));
        assertThat(second.deals).isNotEmpty();
        assertThat(second.deals.getFirst().quantity()).isEqualByComparingTo(held);
    }

    @Test
    void aMissingModelAtStartFailsTheBotWithTheReason() {
        List<Tick> ticks = MlBotHarness.ltcTicks(0, 10);
        MlBotHarness bot = new MlBotHarness(MlBotHarness.config(config("nope", "0.5")), MODELS);
        bot.start(ticks);
        assertThat(bot.stoppedInError).isTrue();
        assertThat(bot.stoppedReason).contains("model nope does not exist");
    }

    @Test
    void theDefinitionValidatesWithMessagesNamingTheParameter() {
        var definition = MlSignalDefinition.definition();
        var missing = definition.validate(Map.of());
        assertThat(missing.violations()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo("model");
            assertThat(v.message()).isEqualTo("is required");
        });
        var wrong = definition.validate(Map.of("model", "m1", "confidence_threshold", "1.5", "max_positions", 0,
                "capital_per_trade", "0", "typo", 1));
        assertThat(wrong.violations()).extracting(v -> v.field())
                .contains("confidence_threshold", "max_positions", "capital_per_trade", "typo");
        assertThat(definition.validate(Map.of("model", "  ")).violations())
                .anySatisfy(v -> assertThat(v.field()).isEqualTo("model"));
        var ok = definition.validate(Map.of("model", "m1"));
        assertThat(ok.valid()).isTrue();
        assertThat(ok.config().integer("decision_interval")).isEqualTo(2);
        assertThat(definition.parameters()).allMatch(p -> p.liveEditable());
    }
}

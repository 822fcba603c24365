package dev.botfleet.ml.strategy;

import dev.botfleet.engine.kernel.ActivityEntry;
import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.KernelListener;
import dev.botfleet.engine.kernel.KernelState;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.ml.TestData;
import dev.botfleet.ml.candles.Trade;
import dev.botfleet.ml.model.ModelLoader;
import dev.botfleet.ml.model.ModelObjective;
import dev.botfleet.ml.model.Predictor;
import dev.botfleet.ml.model.ModelRejectedException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ml-signal bot as the server runs a paper bot: a kernel on a simulated exchange matching on TICKS, fed ticks one
 * at a time. Records decisions, orders, deals and activity lines. Models come from an in-memory {@link ModelSource}.
 */
final class MlBotHarness implements KernelListener {
    static final Instrument LTC_BTC = new Instrument("sim", "LTC/BTC", "LTC", "BTC", new BigDecimal("0.00000001"),
            new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal("0.0001"), new BigDecimal("0.001"),
            new BigDecimal("0.001"));

    /** Model texts by id; {@link #describe} answers "name" for id "name". */
    static final class Models implements ModelSource {
        final Map<String, String> texts = new HashMap<>();
        final List<String> opened = new ArrayList<>();
        int open;

        @Override
        public Predictor open(String modelId) {
            String text = texts.get(modelId);
            if (text == null) throw new ModelUnavailableException("model " + modelId + " does not exist");
            try {
                Predictor p = new ModelLoader().load(text.getBytes(StandardCharsets.UTF_8), ModelObjective.BINARY);
                opened.add(modelId);
                return p;
            } catch (ModelRejectedException e) {
                throw new ModelUnavailableException("model " + modelId + " is refused: " + e.getMessage(), e);
            }
        }

        @Override
        public String describe(String modelId) {
            return "'" + modelId + "'";
        }
    }

    final List<MlDecision> decisions = new ArrayList<>();
    final List<ActivityEntry> activity = new ArrayList<>();
    final Map<String, OrderSnapshot> orders = new LinkedHashMap<>();
    final List<Deal> deals = new ArrayList<>();
    String stoppedReason;
    boolean stoppedInError;
    final BotKernel kernel;
    final MlSignalStrategy strategy;

    final List<Fill> fills = new ArrayList<>();
    final SimExchange sim;

    MlBotHarness(StrategyConfig config, ModelSource models) {
        this(config, models, null);
    }

    /**
     * A bot restarted from {@code before}'s state, as the server rebuilds one from its journal: its fills, open
     * orders and next sequence, and the paper exchange with its balances and resting orders.
     */
    MlBotHarness(StrategyConfig config, ModelSource models, MlBotHarness before) {
        strategy = new MlSignalStrategy(config, LTC_BTC, models, (bot, d) -> decisions.add(d));
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        if (before == null) {
            balances.put("BTC", new BigDecimal("10"));
            balances.put("LTC", BigDecimal.ZERO);
        } else {
            before.sim.balances().forEach((asset, b) -> balances.put(asset, b.total()));
        }
        sim = new SimExchange(LTC_BTC, new SimFillModel(false, 0, 0), balances);
        var builder = BotKernel.builder("ml-bot", LTC_BTC, strategy).exchange(sim::connect)
                .matchOn(MatchingData.TICKS).listener(this);
        if (before != null) {
            List<OrderSnapshot> open = before.kernel.openOrders();
            sim.restore(open);
            builder.state(new KernelState(before.kernel.nextSequence(), open, before.fills));
            fills.addAll(before.fills);
        }
        kernel = builder.build();
    }

    @Override
    public void onFill(Fill fill, dev.botfleet.engine.position.PositionSnapshot position) {
        fills.add(fill);
    }

    static StrategyConfig config(Map<String, Object> values) {
        var v = MlSignalDefinition.definition().validate(values);
        if (!v.valid()) throw new IllegalArgumentException(v.violations().toString());
        return v.config();
    }

    /** Ticks of the shared LTC/BTC data ({@link TestData}: a 5-minute candle as 2 seconds of trades). */
    static List<Tick> ltcTicks(int fromCandle, int toCandle) {
        List<Tick> ticks = new ArrayList<>();
        for (Trade t : TestData.tradesOf(TestData.ltcCandles().slice(fromCandle, toCandle))) {
            ticks.add(new Tick("sim", "LTC/BTC", t.time(), t.price(), t.quantity()));
        }
        return ticks;
    }

    void start(List<Tick> ticks) {
        kernel.start(Instant.ofEpochMilli(ticks.getFirst().timestamp()));
    }

    void feed(List<Tick> ticks) {
        for (Tick t : ticks) kernel.onTick(t);
    }

    List<String> lines(ActivityLevel level) {
        return activity.stream().filter(a -> a.level() == level).map(ActivityEntry::message).toList();
    }

    @Override
    public void onActivity(ActivityEntry entry) {
        activity.add(entry);
    }

    @Override
    public void onOrderUpdated(OrderSnapshot order, OrderEvent event) {
        orders.put(order.clientOrderId(), order);
    }

    @Override
    public void onDealCompleted(Deal deal) {
        deals.add(deal);
    }

    @Override
    public void onStopped(String reason, boolean error) {
        stoppedReason = reason;
        stoppedInError = error;
    }
}

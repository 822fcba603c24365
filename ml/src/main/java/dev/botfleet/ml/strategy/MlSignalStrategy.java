package dev.botfleet.ml.strategy;

import dev.botfleet.engine.backtest.CandleTicks;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.position.DealPolicy;
import dev.botfleet.engine.strategy.ActivityLevel;
import dev.botfleet.engine.strategy.Reconfigurable;
import dev.botfleet.engine.strategy.Strategy;
import dev.botfleet.engine.strategy.StrategyContext;
import dev.botfleet.engine.strategy.definition.StrategyConfig;
import dev.botfleet.ml.candles.OneSecondCandles;
import dev.botfleet.ml.candles.Trade;
import dev.botfleet.ml.candles.TradeSide;
import dev.botfleet.ml.features.FeatureSet;
import dev.botfleet.ml.model.Predictor;

import java.time.Instant;
import java.util.Locale;

/**
 * The {@code ml-signal} strategy (seed 001, docs/strategies.md "ml-signal"). Trades (the feed's ticks, aggressor by
 * the tick rule) become 1-second candles; on every {@code decision_interval} grid point reached by a trade, once 60
 * closed seconds are in the window, the model's feature set is computed and the model asked for a confidence; at or
 * above the threshold, with room under {@code max_positions}, a maker entry is placed ({@link MlPositions}). Every
 * decision goes to the {@link DecisionListener}.
 *
 * <p>Fed ticks (paper and live bots, the tick-replay backtest) it ignores candles. Fed candles only (a candle
 * backtest) it turns each candle into {@link CandleTicks}' four trades — the same trades the tick-replay backtest
 * feeds — so features and confidences are the same bit for bit (docs/ml.md "Backtests and parity").
 *
 * <p>Hot reload: every parameter. A new {@code model} opens the new predictor, closes the old one and keeps the
 * window, the entries and the positions; a missing model fails the bot with the reason.
 */
public final class MlSignalStrategy implements Strategy, Reconfigurable {
    private final Instrument instrument;
    private final ModelSource models;
    private final DecisionListener decisions;
    private final MlPositions positions;
    private final OneSecondCandles candles = new OneSecondCandles();
    private MlSignalSettings settings;
    private Predictor predictor;
    private FeatureSet features;
    private double[] row;
    private boolean fedTicks;
    private double lastPrice = Double.NaN;
    private TradeSide lastSide;
    private long nextDecision = Long.MIN_VALUE;
    private final String[] why = new String[1];

    public MlSignalStrategy(StrategyConfig config, Instrument instrument, ModelSource models) {
        this(config, instrument, models, DecisionListener.NONE);
    }

    public MlSignalStrategy(StrategyConfig config, Instrument instrument, ModelSource models,
                            DecisionListener decisions) {
        this.instrument = instrument;
        this.models = models;
        this.decisions = decisions;
        this.settings = MlSignalSettings.from(config);
        this.positions = new MlPositions(instrument);
    }

    /** Each entry is its own deal, so overlapping positions (max_positions above 1) are counted one by one. */
    @Override
    public DealPolicy dealPolicy() {
        return DealPolicy.PER_LOT;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        use(open(ctx, settings.modelId()));
        ctx.log(ActivityLevel.INFO, "Model " + models.describe(settings.modelId()) + " loaded (" + features.id()
                + "); the first decision comes after " + features.windowSeconds() + " seconds of trades");
        positions.resume(ctx, ctx.now().toEpochMilli(), settings);
    }

    @Override
    public void onStop(StrategyContext ctx) {
        if (predictor != null) predictor.close();
        predictor = null;
    }

    @Override
    public void reconfigure(StrategyContext ctx, StrategyConfig config) {
        MlSignalSettings next = MlSignalSettings.from(config);
        if (!next.modelId().equals(settings.modelId())) {
            Predictor swapped = open(ctx, next.modelId());  // a missing model throws: the kernel fails the bot with why
            Predictor old = predictor;
            use(swapped);
            if (old != null) old.close();
            ctx.log(ActivityLevel.INFO, "Model switched from " + models.describe(settings.modelId()) + " to "
                    + models.describe(next.modelId()));
        }
        if (next.decisionMillis() != settings.decisionMillis()) nextDecision = Long.MIN_VALUE;
        settings = next;
    }

    private Predictor open(StrategyContext ctx, String modelId) {
        Predictor p = models.openForBot(ctx.botId(), modelId);
        if (p.featureSet().windowSeconds() > candles.window().capacity()) {
            p.close();
            throw new ModelUnavailableException("model " + models.describe(modelId) + " needs "
                    + p.featureSet().windowSeconds() + " seconds of candles; the bot keeps "
                    + candles.window().capacity());
        }
        return p;
    }

    private void use(Predictor p) {
        predictor = p;
        if (features == null || !features.id().equals(p.featureSet().id())) {
            features = p.featureSet();
            row = new double[features.featureCount()];
        }
    }

    @Override
    public void onTick(StrategyContext ctx, Tick tick) {
        fedTicks = true;
        onTrade(ctx, tick.timestamp(), tick.price(), tick.size());
    }

    /** Only when no tick ever came: a candle backtest. A live bot's 1m candles repeat the ticks it already had. */
    @Override
    public void onCandle(StrategyContext ctx, Candle candle) {
        if (fedTicks) return;
        CandleTicks.of(candle, t -> onTrade(ctx, t.timestamp(), t.price(), t.size()));
    }

    private void onTrade(StrategyContext ctx, long time, double price, double size) {
        if (!(price > 0)) return;
        lastSide = Double.isNaN(lastPrice) ? TradeSide.BUY : TradeSide.byTickRule(price, lastPrice, lastSide);
        candles.onTrade(new Trade(time, price, Math.max(0, size), lastSide));
        lastPrice = price;
        positions.onPrice(ctx, price, time, settings);
        if (time >= nextDecision) {
            long interval = settings.decisionMillis();
            nextDecision = Math.floorDiv(time, interval) * interval + interval;
            candles.advanceTo(time);
            if (candles.window().size() >= features.windowSeconds()) decide(ctx, time);
        }
    }

    /** One decision at {@code time}: the window holds every whole second before it. */
    private void decide(StrategyContext ctx, long time) {
        features.compute(candles.window(), row);
        double confidence = predictor.confidence(row);
        double threshold = settings.threshold();
        String orderId = null;
        String note;
        if (!(confidence >= threshold)) {
            note = "below the threshold";
        } else if (positions.open() >= settings.maxPositions()) {
            note = "max positions (" + settings.maxPositions() + ") open";
        } else {
            why[0] = null;
            orderId = positions.enter(ctx, lastPrice, settings.capitalPerTrade(), time, why);
            note = orderId == null ? why[0] : "entry placed";
            if (orderId != null) {
                ctx.log(ActivityLevel.INFO, String.format(Locale.ROOT,
                        "Entry %s: confidence %.4f >= threshold %.4f (model %s)", orderId, confidence, threshold,
                        models.describe(settings.modelId())));
            } else {
                ctx.log(ActivityLevel.WARNING, String.format(Locale.ROOT,
                        "No entry at confidence %.4f: %s", confidence, note));
            }
        }
        decisions.onDecision(ctx.botId(), new MlDecision(Instant.ofEpochMilli(time), settings.modelId(), confidence,
                threshold, orderId != null, orderId, note, row.clone()));
    }

    @Override
    public void onFill(StrategyContext ctx, OrderSnapshot order, Fill fill) {
        positions.onFill(ctx, order, fill, settings);
    }

    @Override
    public void onOrderUpdate(StrategyContext ctx, OrderSnapshot order, OrderEvent event) {
        if (!order.isOpen() && order.status() != OrderStatus.FILLED) positions.onOrderClosed(ctx, order, settings);
    }

    /** Pending entries plus open positions (for tests and the server's view). */
    public int openPositions() {
        return positions.open();
    }

    /** The id of the model in use. */
    public String modelId() {
        return settings.modelId();
    }

    public Instrument instrument() {
        return instrument;
    }
}

package dev.botfleet.engine.backtest;

import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.kernel.ActivityEntry;
import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.kernel.MatchingData;
import dev.botfleet.engine.kernel.KernelListener;
import dev.botfleet.engine.market.Candle;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.position.FundingPayment;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.position.Deal;
import dev.botfleet.engine.position.OpenDeal;
import dev.botfleet.engine.position.PositionSnapshot;
import dev.botfleet.engine.sim.SimExchange;
import dev.botfleet.engine.sim.SimFillModel;
import dev.botfleet.engine.strategy.ActivityLevel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a strategy over candles through the same {@link BotKernel} and {@link SimExchange} as paper trading. Per
 * candle (delivered at its close time): the exchange replays the bar and fills resting orders, then the strategy's
 * {@code onCandle} runs, then the kernel settles until no order event is pending. One instance is one run.
 *
 * <p>On a perpetual the paper wallet holds margin instead of coins, the bot may open shorts, and each funding fixing
 * due by a candle's open is settled on the position at that open price before the candle is replayed.
 */
final class KernelRun implements KernelListener {
    static final String BOT_ID = "backtest";
    private static final int MAX_WARNINGS = 50;
    private static final int PROGRESS_EVERY = 1 << 14;

    private final BacktestSpec spec;
    private final BacktestProgress progress;
    private final KernelReplay.Recorder recorder;
    /** CANDLES: each bar replayed to the exchange; TICKS: each bar as {@link CandleTicks}' four trades, as a live feed. */
    private final MatchingData matching;
    private final List<BacktestTrade> trades = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int candleIndex = -1;
    private BotKernel kernel;
    // Account value tracked in double from the fills, for the per-candle equity curve (exact balances at the end).
    private double cash;
    private double base;
    private BigDecimal position = BigDecimal.ZERO;
    private String stopReason;
    private boolean failed;

    KernelRun(BacktestSpec spec, BacktestProgress progress, KernelReplay.Recorder recorder) {
        this(spec, progress, recorder, MatchingData.CANDLES);
    }

    KernelRun(BacktestSpec spec, BacktestProgress progress, KernelReplay.Recorder recorder, MatchingData matching) {
        this.matching = matching;
        this.spec = spec;
        this.progress = progress;
        this.recorder = recorder;
    }

    BacktestResult run() {
        Instrument instrument = spec.instrument();
        CandleSeries s = spec.candles();
        Timeframe timeframe = s.timeframe();
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        balances.put(instrument.quoteAsset(), spec.startingBalance());
        balances.put(instrument.baseAsset(), BigDecimal.ZERO);
        SimExchange sim = new SimExchange(instrument, new SimFillModel(false, spec.slippageTicks(), 0), balances,
                spec.margin() == null ? MarginSettings.DEFAULT : spec.margin());
        BotKernel kernel = BotKernel.builder(BOT_ID, instrument, spec.factory().create(spec.config(), instrument))
                .exchange(sim::connect).matchOn(matching).margin(spec.margin()).listener(this).build();
        List<FundingRates.Fixing> fixings = spec.funding().fixings();
        int nextFixing = 0;
        if (instrument.isPerpetual() && fixings.isEmpty()) warn("no funding-rate data: funding is not booked");
        cash = spec.startingBalance().doubleValue();
        this.kernel = kernel;  // onFill reads the position's quantity from it

        int n = s.size();
        long[] time = new long[n];
        double[] equity = new double[n];
        boolean[] exposed = new boolean[n];
        kernel.start(Instant.ofEpochMilli(s.openTime(0)));
        for (int i = 0; i < n; i++) {
            candleIndex = i;
            while (nextFixing < fixings.size() && fixings.get(nextFixing).time() <= s.openTime(i)) {
                FundingRates.Fixing f = fixings.get(nextFixing++);
                BigDecimal mark = BigDecimal.valueOf(s.open(i)).setScale(instrument.priceScale(), RoundingMode.HALF_EVEN);
                kernel.onFundingRate(Instant.ofEpochMilli(f.time()), f.rate(), mark);
            }
            if (matching == MatchingData.TICKS) {
                // as a paper bot on a live feed: the trades are matched and seen one by one, then the candle they
                // make reaches the strategy (never matched a second time)
                Candle bar = s.candle(i, instrument.exchange(), instrument.symbol());
                CandleTicks.of(bar, kernel::onTick);
                kernel.onCandle(bar);
            } else {
                kernel.onCandle(timeframe, s.openTime(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
            }
            if (recorder != null) recorder.afterCandle(i);
            time[i] = s.closeTime(i);
            equity[i] = cash + base * s.close(i);
            exposed[i] = base != 0;
            if ((i & (PROGRESS_EVERY - 1)) == 0) progress.onProgress(i, n);
        }
        if (kernel.isRunning()) kernel.stop("backtest finished");
        progress.onProgress(n, n);

        EquityCurve curve = new EquityCurve(time, equity, exposed);
        BigDecimal lastClose = BigDecimal.valueOf(s.close(n - 1)).setScale(instrument.priceScale(),
                RoundingMode.HALF_EVEN);
        Map<String, BigDecimal> finalBalances = new LinkedHashMap<>();
        for (Balance b : sim.balances().values()) finalBalances.put(b.asset(), b.total().stripTrailingZeros());
        // The final equity is exact: the balances valued at the last close (the curve above is for charts and ratios).
        BigDecimal finalEquity = finalBalances.getOrDefault(instrument.quoteAsset(), BigDecimal.ZERO)
                .add(finalBalances.getOrDefault(instrument.baseAsset(), BigDecimal.ZERO).multiply(lastClose));
        if (instrument.isPerpetual()) finalEquity = finalEquity.add(unrealized(kernel.position(), lastClose));
        Metrics metrics = MetricsCalculator.compute(spec.startingBalance(), finalEquity, curve, trades,
                s.timeframe().millis(), moneyScale(instrument));
        OpenDeal open = kernel.openDeal(lastClose);
        OpenPosition openPosition = open == null ? null : new OpenPosition(open.quantity(), open.entryPrice(),
                open.openedAt(), lastClose, open.unrealizedPnl());
        return new BacktestResult(spec.strategy(), FillModel.REALISTIC, n, trades, curve, metrics, finalBalances,
                openPosition, stopReason, failed, warnings);
    }

    /** A perpetual's open position at {@code mark}: the wallet holds margin, not coins, so this is not in it. */
    private static BigDecimal unrealized(PositionSnapshot p, BigDecimal mark) {
        if (p.isFlat()) return BigDecimal.ZERO;
        return p.quantity().multiply(mark.subtract(p.averageEntryPrice()));
    }

    /** Quote money is shown with the tick size's decimals, but never fewer than 2 nor more than 8. */
    static int moneyScale(Instrument instrument) {
        return Math.min(8, Math.max(2, instrument.priceScale()));
    }

    @Override
    public void onOrderUpdated(OrderSnapshot order, OrderEvent event) {
        switch (event) {
            case OrderEvent.OrderSubmitted e when recorder != null -> recorder.onSubmitted(candleIndex, order, position);
            case OrderEvent.OrderDenied e -> warn(e.timestamp() + " order denied (" + e.reason() + "): " + e.message());
            case OrderEvent.OrderRejected e -> warn(e.timestamp() + " order rejected: " + e.reason());
            default -> { }
        }
    }

    private void warn(String message) {
        if (warnings.size() < MAX_WARNINGS) warnings.add(message);
    }

    /** A backtest reads only the position's quantity after a fill ({@link #onFill}), from the kernel. */
    @Override
    public boolean wantsPositionOnFill() {
        return false;
    }

    @Override
    public void onFill(Fill fill, PositionSnapshot after) {
        double notional = fill.price().doubleValue() * fill.quantity().doubleValue();
        double fee = fill.feeCurrency().equals(spec.instrument().quoteAsset()) ? fill.fee().doubleValue() : 0;
        if (fill.side() == OrderSide.BUY) cash -= notional + fee;
        else cash += notional - fee;
        position = kernel.positionQuantity();
        base = position.doubleValue();
    }

    /** Funding moves the account like a fee: the equity curve's cash follows it. */
    @Override
    public void onFunding(FundingPayment payment, PositionSnapshot after) {
        cash += payment.amount().doubleValue();
    }

    @Override
    public void onDealCompleted(Deal d) {
        trades.add(new BacktestTrade(d.openedAt(), d.closedAt(), d.direction().name(), d.quantity(), d.entryPrice(),
                d.exitPrice(), d.fees(), d.pnl(), d.closeReason().name()));
    }

    /** Errors only: losing deals are WARNING lines in the activity log, but they are no problem of the run. */
    @Override
    public void onActivity(ActivityEntry entry) {
        if (wantsActivity(entry.level())) warn(entry.timestamp() + " " + entry.message());
    }

    /** The kernel need not format the lines {@link #onActivity} drops (every order's placed/filled/closed line). */
    @Override
    public boolean wantsActivity(ActivityLevel level) {
        return level == ActivityLevel.ERROR;
    }

    @Override
    public void onStopped(String reason, boolean error) {
        if (candleIndex < spec.candles().size() - 1 || error) {
            stopReason = reason;
            failed = error;
        }
    }
}

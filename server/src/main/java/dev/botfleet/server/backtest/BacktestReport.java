package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.BacktestResult;
import dev.botfleet.engine.backtest.BacktestTrade;
import dev.botfleet.engine.backtest.EquityCurve;
import dev.botfleet.engine.backtest.Metrics;
import dev.botfleet.engine.backtest.OpenPosition;
import dev.botfleet.server.common.Decimals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backtest's result as JSON (the command's result.json and the REST API's {@code result}). Money and prices are
 * exact decimal strings; ratios are plain numbers (0.12 = 12%); undefined metrics are null.
 *
 * @param equity       the equity curve, at most {@link #EQUITY_POINTS} points (drawdown lows kept)
 * @param openPosition the position still held after the last candle, marked at its close; null when flat
 * @param prices       the run's candles for a price chart, at most {@link #PRICE_BARS} bars (wider buckets if longer)
 */
public record BacktestReport(String strategy, String symbol, String dataset, String timeframe, String fillModel,
                             Map<String, Object> params, int candles, Instant from, Instant to, String startingBalance,
                             MetricsView metrics, List<TradeView> trades, OpenPositionView openPosition,
                             List<EquityPoint> equity, List<PriceBars.PriceBar> prices,
                             Map<String, String> finalBalances, String stopReason, boolean failed,
                             List<String> warnings) {
    static final int EQUITY_POINTS = 1000;
    static final int PRICE_BARS = 1000;

    public record MetricsView(String startingEquity, String finalEquity, String netProfit, double totalReturn,
                              Double cagr, double maxDrawdown, Double sharpe, Double sortino, Double calmar,
                              Double winRate, Double profitFactor, String expectancy, double exposure, int trades,
                              String averageDuration, Long averageDurationSeconds) {
        static MetricsView of(Metrics m) {
            return new MetricsView(Decimals.format(m.startingEquity()), Decimals.format(m.finalEquity()),
                    Decimals.format(m.netProfit()), m.totalReturn(), m.cagr(), m.maxDrawdown(), m.sharpe(), m.sortino(),
                    m.calmar(), m.winRate(), m.profitFactor(), Decimals.format(m.expectancy()), m.exposure(), m.trades(),
                    m.averageDuration() == null ? null : m.averageDuration().toString(),
                    m.averageDuration() == null ? null : m.averageDuration().toSeconds());
        }
    }

    public record TradeView(Instant entryTime, Instant exitTime, String direction, String quantity, String entryPrice,
                            String exitPrice, String fees, String pnl, String closeReason) {
        /** fees and pnl are quote money, rounded to its precision like every money figure of the report. */
        static TradeView of(BacktestTrade t, int priceScale, int moneyScale) {
            return new TradeView(t.entryTime(), t.exitTime(), t.direction(), Decimals.format(t.quantity()),
                    price(t.entryPrice(), priceScale), price(t.exitPrice(), priceScale), money(t.fees(), moneyScale),
                    money(t.pnl(), moneyScale), t.closeReason());
        }

        /** Averages of several fills can fall between ticks: shown to two more decimals than the tick. */
        static String money(BigDecimal amount, int moneyScale) {
            return Decimals.format(amount.setScale(moneyScale, RoundingMode.HALF_EVEN));
        }

        static String price(BigDecimal p, int priceScale) {
            return p == null ? null : Decimals.format(p.setScale(priceScale + 2, RoundingMode.HALF_EVEN));
        }
    }

    /** Decimal strings: entryPrice to two decimals more than the tick (an average), lastPrice to the tick. */
    public record OpenPositionView(String quantity, String entryPrice, Instant entryTime, String lastPrice,
                                   String unrealizedPnl) {
        static OpenPositionView of(OpenPosition p, int priceScale, int moneyScale) {
            if (p == null) return null;
            return new OpenPositionView(Decimals.format(p.quantity()), TradeView.price(p.entryPrice(), priceScale),
                    p.entryTime(), Decimals.format(p.lastPrice().setScale(priceScale, RoundingMode.HALF_EVEN)),
                    Decimals.format(p.unrealizedPnl().setScale(moneyScale, RoundingMode.HALF_EVEN)));
        }
    }

    public record EquityPoint(Instant time, String equity) {
    }

    public static BacktestReport of(BacktestJob job, BacktestResult r) {
        int priceScale = job.instrument().priceScale();
        int moneyScale = Math.min(8, Math.max(2, priceScale));
        EquityCurve curve = r.equity().downsample(EQUITY_POINTS);
        List<EquityPoint> equity = new java.util.ArrayList<>(curve.size());
        for (int i = 0; i < curve.size(); i++) {
            equity.add(new EquityPoint(Instant.ofEpochMilli(curve.time()[i]),
                    Decimals.format(BigDecimal.valueOf(curve.equity()[i]).setScale(moneyScale, RoundingMode.HALF_EVEN))));
        }
        Map<String, String> balances = new LinkedHashMap<>();
        var instrument = job.instrument();
        r.finalBalances().forEach((asset, amount) -> balances.put(asset, asset.equals(instrument.quoteAsset())
                ? TradeView.money(amount, moneyScale)
                : Decimals.format(amount.setScale(instrument.quantityScale(), RoundingMode.HALF_EVEN))));
        var s = job.candles();
        return new BacktestReport(r.strategy(), job.symbol(), job.dataset(), s.timeframe().code(),
                r.fillModel().id(), job.params(), r.candles(), Instant.ofEpochMilli(s.openTime(0)),
                Instant.ofEpochMilli(s.closeTime(s.size() - 1)), Decimals.format(job.startingBalance()),
                MetricsView.of(r.metrics()), r.trades().stream().map(t -> TradeView.of(t, priceScale, moneyScale)).toList(),
                OpenPositionView.of(r.openPosition(), priceScale, moneyScale), equity,
                PriceBars.of(s, PRICE_BARS, priceScale), balances, r.stopReason(), r.failed(), r.warnings());
    }
}

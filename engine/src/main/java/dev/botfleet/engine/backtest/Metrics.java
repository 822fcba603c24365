package dev.botfleet.engine.backtest;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The numbers a backtest is judged by. Ratios are fractions (0.12 = 12%). A metric that is undefined for the run
 * (Sharpe of a flat curve, profit factor without a losing trade, ...) is {@code null}, never NaN or infinity.
 * Definitions: docs/backtesting.md "Metrics" and {@link MetricsCalculator}.
 */
public record Metrics(
        BigDecimal startingEquity,
        BigDecimal finalEquity,
        BigDecimal netProfit,
        double totalReturn,
        Double cagr,
        double maxDrawdown,
        Double sharpe,
        Double sortino,
        Double calmar,
        Double winRate,
        Double profitFactor,
        BigDecimal expectancy,
        double exposure,
        int trades,
        Duration averageDuration) {
}

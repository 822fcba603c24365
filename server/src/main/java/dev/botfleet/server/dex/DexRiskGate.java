package dev.botfleet.server.dex;

import dev.botfleet.dex.intel.Check;
import dev.botfleet.dex.intel.IntelLevel;
import dev.botfleet.dex.mempool.MempoolEvent;
import dev.botfleet.dex.risk.RiskFactor;
import dev.botfleet.dex.risk.TokenRiskReport;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the intelligence level allows before a DEX bot buys: the level's position cap (its share of the bot's budget)
 * and its risk threshold, on the analysis its lane runs (the smart lane: every check; the fast lane: liquidity and the
 * honeypot simulation). A refused buy says which factors failed; sells are never held back, so a bot can always get
 * out. The configured WETH of the network is not analysed: it is part of the network's own configuration.
 */
final class DexRiskGate {
    private final DexRisk risk;
    private final DexNetworks.Configured network;
    private final DexMarket market;
    private final IntelLevel level;
    private final BigDecimal budget;
    private final java.util.function.Supplier<java.util.Optional<List<MempoolEvent>>> pending;

    /**
     * @param budget  the bot's paper budget in quote tokens, of which the level's position percent may go per buy
     * @param pending what is pending on the bot's pools that adds to the risk ({@link DexMempool#pendingRisks}),
     *                empty when not watched
     */
    DexRiskGate(DexRisk risk, DexNetworks.Configured network, DexMarket market, IntelLevel level, BigDecimal budget,
                java.util.function.Supplier<java.util.Optional<List<MempoolEvent>>> pending) {
        this.pending = pending;
        this.risk = risk;
        this.network = network;
        this.market = market;
        this.level = level;
        this.budget = budget;
    }

    /**
     * @param lastPrice the market's last price (quote per base), null before the first one
     * @return why the order must not go to the pool, or empty
     */
    Optional<String> refuse(OrderSnapshot order, BigDecimal lastPrice) {
        if (order.side() != OrderSide.BUY) return Optional.empty();
        BigDecimal cost = lastPrice == null ? null : order.quantity().multiply(lastPrice);
        BigDecimal cap = budget.multiply(level.positionPercent()).movePointLeft(2);
        if (cost != null && cost.compareTo(cap) > 0) {
            return Optional.of("the buy of about " + plain(cost) + " " + market.quoteSymbol() + " is above intelligence"
                    + " level " + level.level() + "'s position cap of " + level.positionPercent().toPlainString()
                    + " % of the " + plain(budget) + " " + market.quoteSymbol() + " budget (" + plain(cap) + ")");
        }
        if (market.baseToken().equalsIgnoreCase(network.contracts.weth())) return Optional.empty();
        BigDecimal size = cost != null ? cost : BigDecimal.ONE;  // no price yet: a whole quote token as the size
        TokenRiskReport report;
        try {
            report = risk.report(network, market.baseToken(), market.quoteToken(),
                    size.movePointRight(market.quoteDecimals()).setScale(0, RoundingMode.DOWN).toBigIntegerExact(),
                    level.checks());
        } catch (RuntimeException e) {
            return Optional.of("the token risk analysis of " + market.baseSymbol() + " could not run on "
                    + market.network() + " (" + e.getMessage() + "): intelligence level " + level.level()
                    + " does not buy unanalysed");
        }
        // the cached report is of the chain; what is pending right now is added on every buy
        if (level.checks().contains(Check.MEMPOOL)) report = DexRiskReports.withMempool(report, pending.get(),
                market.baseToken());
        List<RiskFactor> failing = report.failingAt(level.maxRiskScore());
        if (failing.isEmpty()) return Optional.empty();
        return Optional.of(market.baseSymbol() + " risk score " + report.score() + " at block " + report.block()
                + " fails intelligence level " + level.level() + " (" + level.lane().name().toLowerCase()
                + " lane, at most " + level.maxRiskScore() + "): " + failing.stream()
                .map(f -> f.check() + " " + f.verdict() + " +" + f.penalty() + " (" + f.value() + ": " + f.explanation() + ")")
                .collect(Collectors.joining("; ")));
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(Math.min(Math.max(amount.scale(), 0), 6), RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}

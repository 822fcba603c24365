package dev.botfleet.dex.risk;

import dev.botfleet.dex.intel.Check;
import dev.botfleet.dex.risk.RiskFactor.Verdict;
import dev.botfleet.dex.uniswap.Quote;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The score's formula: each measurement turned into a factor with its penalty (docs/dex-risk.md shows the same
 * numbers; {@code RiskFactorsTest} pins them). Pure: no chain, no clock.
 */
final class RiskFactors {
    static final int FAIL = 100;
    static final BigDecimal IMPACT_OK = new BigDecimal("0.01");
    static final BigDecimal IMPACT_HIGH = new BigDecimal("0.03");
    static final BigDecimal IMPACT_SEVERE = new BigDecimal("0.10");
    static final BigDecimal TAX_FAIL = new BigDecimal("0.5");
    static final int TAX_POINTS_CAP = 60;
    static final int PRIVILEGE_POINTS_CAP = 40;
    static final Map<Privilege, Integer> PRIVILEGE_POINTS = Map.of(Privilege.MINT, 10, Privilege.PAUSE, 15,
            Privilege.BLACKLIST, 15, Privilege.FEE_SETTER, 10, Privilege.TRADING_LIMITS, 5, Privilege.UPGRADE, 15,
            Privilege.ROLES, 5, Privilege.OWNERSHIP, 5);
    static final long DAY = 86_400;

    private RiskFactors() {
    }

    static RiskFactor liquidity(TokenRiskScorer.Liquidity l) {
        if (l.best().isEmpty()) {
            return new RiskFactor(Check.LIQUIDITY, Verdict.FAIL, FAIL, "no pool",
                    "no Uniswap pool can sell this token for the quote token at this size: a buy cannot be made or undone");
        }
        Quote q = l.best().get();
        BigDecimal impact = q.priceImpact();
        String depth = l.v2QuoteReserve().map(r -> "; the V2 pool holds " + r + " quote-token units").orElse("");
        String value = "price impact " + TokenRiskScorer.percent(impact).toPlainString() + " % on " + q.route();
        int points;
        String meaning;
        if (impact.compareTo(IMPACT_OK) <= 0) {
            points = 0;
            meaning = "the pool is deep enough for this size (impact includes the pool fee)";
        } else if (impact.compareTo(IMPACT_HIGH) <= 0) {
            points = 10;
            meaning = "a noticeable part of the size is lost to the pool's depth";
        } else if (impact.compareTo(IMPACT_SEVERE) <= 0) {
            points = 25;
            meaning = "the pool is thin for this size: the buy moves the price by several percent";
        } else {
            points = 40;
            meaning = "the pool is far too thin for this size: more than a tenth is lost to price impact";
        }
        return new RiskFactor(Check.LIQUIDITY, points == 0 ? Verdict.PASS : Verdict.WARN, points, value,
                meaning + depth);
    }

    static RiskFactor honeypot(Optional<HoneypotResult> simulated, String whyNot, boolean isWeth) {
        if (isWeth) {
            return new RiskFactor(Check.HONEYPOT, Verdict.PASS, 0, "wrapped ether",
                    "the network's WETH: it can always be unwrapped, nothing to simulate");
        }
        if (simulated.isEmpty()) {
            return new RiskFactor(Check.HONEYPOT, Verdict.UNKNOWN, 20, "not simulated", whyNot);
        }
        HoneypotResult r = simulated.get();
        if (!r.bought()) {
            return new RiskFactor(Check.HONEYPOT, Verdict.FAIL, FAIL, "buy reverts",
                    "a simulated buy reverted: " + words(r.buyError()));
        }
        if (!r.sold()) {
            return new RiskFactor(Check.HONEYPOT, Verdict.FAIL, FAIL, "cannot sell",
                    "a honeypot: a simulated buy worked but selling the tokens reverted: " + words(r.sellError()));
        }
        return new RiskFactor(Check.HONEYPOT, Verdict.PASS, 0, "sells",
                "a simulated buy for " + r.wei() + " wei and the sell of all " + r.received()
                        + " units received both went through");
    }

    /** Penalty: 2 points per percent of buy + sell tax, at most 60; either tax at 50 % or more fails. */
    static RiskFactor transferTax(Optional<HoneypotResult> simulated, boolean isWeth) {
        if (isWeth) return new RiskFactor(Check.TRANSFER_TAX, Verdict.PASS, 0, "none", "WETH takes no tax");
        if (simulated.isEmpty() || simulated.get().honeypot()) {
            return new RiskFactor(Check.TRANSFER_TAX, Verdict.UNKNOWN, 0, "unknown",
                    "taxes are measured by the buy-and-sell simulation, which did not complete");
        }
        HoneypotResult r = simulated.get();
        BigDecimal buy = r.buyTaxFraction();
        BigDecimal sell = r.sellTaxFraction();
        BigDecimal totalPercent = buy.add(sell).movePointRight(2);
        int points = Math.min(TAX_POINTS_CAP, totalPercent.multiply(BigDecimal.TWO).setScale(0, RoundingMode.CEILING)
                .intValueExact());
        String value = "buy " + TokenRiskScorer.percent(buy).toPlainString() + " %, sell "
                + TokenRiskScorer.percent(sell).toPlainString() + " %";
        if (buy.compareTo(TAX_FAIL) >= 0 || sell.compareTo(TAX_FAIL) >= 0) {
            return new RiskFactor(Check.TRANSFER_TAX, Verdict.FAIL, FAIL, value,
                    "half or more of a trade is taken as tax: a buy cannot be sold back at a sensible price");
        }
        if (points == 0) return new RiskFactor(Check.TRANSFER_TAX, Verdict.PASS, 0, value, "no tax on buys or sells");
        return new RiskFactor(Check.TRANSFER_TAX, Verdict.WARN, points, value,
                "the token keeps this share of every buy and sell (" + r.buyTax() + " units of the simulated buy, "
                        + r.sellTax() + " of the sell)");
    }

    static RiskFactor privileges(byte[] runtimeCode) {
        PrivilegeScan.Report report = PrivilegeScan.bytecode(runtimeCode);
        if (report.privileges().isEmpty()) {
            return new RiskFactor(Check.PRIVILEGES, Verdict.PASS, 0, "none found",
                    "no known owner function (mint, pause, blacklist, fee setter, limits, upgrade) in the bytecode");
        }
        int points = Math.min(PRIVILEGE_POINTS_CAP,
                report.privileges().stream().mapToInt(PRIVILEGE_POINTS::get).sum());
        String value = report.privileges().stream().map(Enum::name).collect(Collectors.joining(", "));
        String meaning = report.privileges().stream().map(p -> "it " + p.meaning()).collect(Collectors.joining("; "));
        return new RiskFactor(Check.PRIVILEGES, Verdict.WARN, points, value,
                meaning + " (a function exists; who may call it is not read from the code)");
    }

    /** Penalty: 10 under a day old, 5 under a week, 5 when unknown. */
    static RiskFactor contractAge(Optional<Long> ageSeconds, BigInteger creationBlock, int maxCalls) {
        if (ageSeconds.isEmpty()) {
            return new RiskFactor(Check.CONTRACT_AGE, Verdict.UNKNOWN, 5, "unknown",
                    "the node keeps no old state (not an archive node) or the search passed " + maxCalls
                            + " eth_getCode calls, so the creation block was not found");
        }
        long s = ageSeconds.get();
        String value = humanAge(s) + " (block " + creationBlock + ")";
        if (s < DAY) {
            return new RiskFactor(Check.CONTRACT_AGE, Verdict.WARN, 10, value,
                    "deployed less than a day ago: most rug pulls happen in a token's first hours");
        }
        if (s < 7 * DAY) {
            return new RiskFactor(Check.CONTRACT_AGE, Verdict.WARN, 5, value, "deployed less than a week ago");
        }
        return new RiskFactor(Check.CONTRACT_AGE, Verdict.PASS, 0, value, "deployed more than a week ago");
    }

    /** Penalty: the top 10 holders (pools and burn addresses left out) own over 50 % → 15, over 25 % → 8. */
    static RiskFactor holders(HolderConcentration.Outcome outcome, BigInteger totalSupply) {
        if (outcome instanceof HolderConcentration.TooCostly(String why)) {
            return new RiskFactor(Check.HOLDERS, Verdict.UNKNOWN, 0, "unknown", why);
        }
        var h = (HolderConcentration.Holders) outcome;
        if (totalSupply.signum() == 0) {
            return new RiskFactor(Check.HOLDERS, Verdict.UNKNOWN, 0, "unknown", "the token reports a supply of 0");
        }
        BigInteger top = h.top().stream().map(Map.Entry::getValue).reduce(BigInteger.ZERO, BigInteger::add);
        BigDecimal share = new BigDecimal(top).divide(new BigDecimal(totalSupply), MathContext.DECIMAL64)
                .setScale(4, RoundingMode.HALF_UP);
        String value = "top " + h.top().size() + " of " + h.holderCount() + " holders own "
                + TokenRiskScorer.percent(share).toPlainString() + " %";
        String largest = h.top().isEmpty() ? "" : "; the largest is " + h.top().getFirst().getKey();
        if (share.compareTo(new BigDecimal("0.5")) > 0) {
            return new RiskFactor(Check.HOLDERS, Verdict.WARN, 15, value,
                    "a few wallets (pools left out) hold most of the supply and can crash the price by selling" + largest);
        }
        if (share.compareTo(new BigDecimal("0.25")) > 0) {
            return new RiskFactor(Check.HOLDERS, Verdict.WARN, 8, value,
                    "a few wallets (pools left out) hold a large part of the supply" + largest);
        }
        return new RiskFactor(Check.HOLDERS, Verdict.PASS, 0, value, "the supply is spread out (pools left out)");
    }

    private static String humanAge(long seconds) {
        if (seconds < 3600) return seconds / 60 + " minutes";
        if (seconds < DAY) return seconds / 3600 + " hours";
        return seconds / DAY + " days";
    }

    private static String words(String reason) {
        return reason == null ? "no reason given" : reason;
    }
}

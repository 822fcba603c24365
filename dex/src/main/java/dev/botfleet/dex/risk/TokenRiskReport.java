package dev.botfleet.dex.risk;

import java.math.BigInteger;
import java.util.List;

/**
 * A token's risk report at one block: every factor that was analysed and the score, the sum of their penalties capped
 * at 100 (0 = nothing found, 100 = certain loss; a failed factor, such as a honeypot, is 100 by itself).
 *
 * @param token the token's address
 * @param block the block the chain was read at
 */
public record TokenRiskReport(String token, BigInteger block, int score, List<RiskFactor> factors) {
    public TokenRiskReport {
        factors = List.copyOf(factors);
    }

    public static TokenRiskReport of(String token, BigInteger block, List<RiskFactor> factors) {
        int sum = factors.stream().mapToInt(RiskFactor::penalty).sum();
        return new TokenRiskReport(token, block, Math.min(100, sum), factors);
    }

    /** The factors that failed outright, or that add points, when the score is above {@code maxScore}. */
    public List<RiskFactor> failingAt(int maxScore) {
        boolean anyFail = factors.stream().anyMatch(f -> f.verdict() == RiskFactor.Verdict.FAIL);
        if (!anyFail && score <= maxScore) return List.of();
        return factors.stream().filter(f -> f.verdict() == RiskFactor.Verdict.FAIL
                || (score > maxScore && f.penalty() > 0)).toList();
    }

    /** This report with {@code factor} added (or put in place of one of the same check), the score summed again. */
    public TokenRiskReport with(RiskFactor factor) {
        List<RiskFactor> all = new java.util.ArrayList<>(factors.stream().filter(f -> f.check() != factor.check()).toList());
        all.add(factor);
        return of(token, block, all);
    }
}

package dev.botfleet.dex.risk;

import dev.botfleet.dex.intel.Check;

/**
 * One factor of a token's risk report, as the user sees it.
 *
 * @param check       which part of the analysis
 * @param verdict     PASS, WARN, FAIL (the bot must not buy whatever its level), or UNKNOWN (no data: why is said)
 * @param penalty     points this factor adds to the 0-100 score (docs/dex-risk.md has the table)
 * @param value       the measured value in short ("price impact 0.61 %", "sell tax 12 %")
 * @param explanation what it means, in plain words
 */
public record RiskFactor(Check check, Verdict verdict, int penalty, String value, String explanation) {
    public enum Verdict { PASS, WARN, FAIL, UNKNOWN }

    public RiskFactor {
        if (penalty < 0 || penalty > 100) throw new IllegalArgumentException("penalty must be 0-100, was " + penalty);
    }
}

package dev.botfleet.server.dex;

import dev.botfleet.dex.intel.Check;
import dev.botfleet.dex.mempool.MempoolEvent;
import dev.botfleet.dex.risk.MempoolRisk;
import dev.botfleet.dex.risk.RiskFactor;
import dev.botfleet.dex.risk.TokenRiskReport;

import java.util.List;
import java.util.Optional;

/** Adds the mempool factor of a bot's market to a token's risk report (docs/dex-risk.md "MEMPOOL"). */
final class DexRiskReports {
    private DexRiskReports() {
    }

    /** @param pending the bot's pending events that matter, empty when its pools are not watched (it is not running) */
    static TokenRiskReport withMempool(TokenRiskReport report, Optional<List<MempoolEvent>> pending, String token) {
        return report.with(pending.map(events -> MempoolRisk.factor(events, token)).orElse(new RiskFactor(
                Check.MEMPOOL, RiskFactor.Verdict.UNKNOWN, 0, "not watched",
                "the bot is not running, so nothing watches its pools' pending transactions")));
    }
}

package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.intel.Check;
import dev.botfleet.dex.intel.IntelLevel;
import dev.botfleet.dex.intel.IntelligenceSlider;
import dev.botfleet.dex.risk.RiskFactor;
import dev.botfleet.dex.risk.TokenRiskReport;
import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A token's risk report (docs/api/bots.md "DEX bots", docs/dex-risk.md). */
@RestController
class DexRiskController {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,30}(\\.\\d{1,30})?");

    private final DexNetworks networks;
    private final DexRisk risk;
    private final DexMempool mempool;
    private final dev.botfleet.server.bot.BotRepository bots;
    private final DexMarkets markets;

    DexRiskController(DexNetworks networks, DexRisk risk, DexMempool mempool,
                      dev.botfleet.server.bot.BotRepository bots, DexMarkets markets) {
        this.networks = networks;
        this.risk = risk;
        this.mempool = mempool;
        this.bots = bots;
        this.markets = markets;
    }

    /** How the report stands against one level of the slider: the checks it runs and whether it would buy. */
    record LevelView(int level, String name, String lane, int maxRiskScore, boolean buys, List<String> failing) {
    }

    record RiskView(String network, String token, String symbol, String quoteToken, String quoteSymbol, String size,
                    String block, int score, List<RiskFactor> factors, LevelView level) {
    }

    @GetMapping("/api/v1/dex/{network}/tokens/{address}/risk")
    RiskView report(CurrentUser user, @PathVariable String network, @PathVariable String address,
                    @RequestParam(required = false) String size, @RequestParam(required = false) String quoteToken,
                    @RequestParam(required = false) String level, @RequestParam(required = false) String bot) {
        Violations v = new Violations();
        DexNetworks.Configured configured = networks.find(network).orElse(null);
        if (configured == null) v.add("network", "unknown network; configured: " + String.join(", ", networks.names()), network);
        if (!ADDRESS.matcher(address).matches()) v.add("address", "must be a token address: 0x and 40 hex digits", address);
        if (quoteToken != null && !ADDRESS.matcher(quoteToken.strip()).matches()) {
            v.add("quoteToken", "must be a token address: 0x and 40 hex digits", quoteToken);
        }
        BigDecimal amount = BigDecimal.ONE;
        if (size != null && (!DECIMAL.matcher(size.strip()).matches() || new BigDecimal(size.strip()).signum() == 0)) {
            v.add("size", "must be a positive amount of the quote token, e.g. 0.5", size);
        } else if (size != null) {
            amount = new BigDecimal(size.strip());
        }
        IntelLevel intel = null;
        if (level != null) {
            try {
                intel = IntelligenceSlider.level(Integer.parseInt(level.strip()));
            } catch (IllegalArgumentException e) {
                v.add("level", "must be a whole number from 1 to 10", level);
            }
        }
        java.util.UUID botId = null;
        if (bot != null) {
            try {
                botId = java.util.UUID.fromString(bot.strip());
            } catch (IllegalArgumentException e) {
                v.add("bot", "must be the id of one of your DEX bots", bot);
            }
        }
        v.throwIfAny();
        if (botId != null) checkBotTrades(user, botId, configured, address, bot);
        String quote = quoteToken == null ? configured.contracts.weth() : quoteToken.strip();
        Set<Check> checks = intel == null ? EnumSet.allOf(Check.class) : intel.checks();
        try {
            Erc20 quoteErc20 = new Erc20(configured.connection().reader(), quote);
            int decimals;
            String quoteSymbol;
            try {
                decimals = quoteErc20.decimals();
                quoteSymbol = quoteErc20.symbol();
            } catch (RuntimeException e) {
                if (!reachable(configured)) throw e;
                throw new ApiException.Invalid("quoteToken", "no ERC-20 token answers decimals() and symbol() at this"
                        + " address on '" + network + "'", quote);
            }
            BigInteger units = amount.movePointRight(decimals).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            if (units.signum() == 0) {
                throw new ApiException.Invalid("size", "is less than one unit of the quote token (" + decimals
                        + " decimals)", size);
            }
            TokenRiskReport report = risk.report(configured, address, quote, units, checks);
            // for a bot's market: what its mempool watch sees pending now (never cached)
            if (botId != null) report = DexRiskReports.withMempool(report, mempool.pendingRisks(botId), address);
            LevelView levelView = intel == null ? null : levelView(intel, report);
            return new RiskView(configured.network.name(), address, symbol(configured, address), quote, quoteSymbol,
                    amount.toPlainString(), report.block().toString(), report.score(), report.factors(), levelView);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ApiException.VenueUnavailable("The node of network '" + configured.network.name()
                    + "' does not answer, so the token cannot be analysed: " + configured.network.safeDescription());
        }
    }

    /** The bot must be the caller's, on this network, and trade the token (as its base or quote). */
    private void checkBotTrades(CurrentUser user, java.util.UUID botId, DexNetworks.Configured network, String token,
                                String raw) {
        var found = bots.find(user.id(), botId).orElseThrow(() ->
                new ApiException.Invalid("bot", "must be the id of one of your DEX bots", raw));
        DexMarket market = markets.find(found.exchange(), found.symbol()).orElseThrow(() ->
                new ApiException.Invalid("bot", "is not a DEX bot", raw));
        if (!market.network().equals(network.network.name())) {
            throw new ApiException.Invalid("bot", "trades on network '" + market.network() + "', not on '"
                    + network.network.name() + "'", raw);
        }
        if (!market.baseToken().equalsIgnoreCase(token) && !market.quoteToken().equalsIgnoreCase(token)) {
            throw new ApiException.Invalid("bot", "trades " + market.symbol() + ", which does not include this token",
                    raw);
        }
    }

    private static LevelView levelView(IntelLevel intel, TokenRiskReport report) {
        List<String> failing = report.failingAt(intel.maxRiskScore()).stream().map(f -> f.check().name()).toList();
        return new LevelView(intel.level(), intel.name(), intel.lane().name(), intel.maxRiskScore(), failing.isEmpty(),
                failing);
    }

    private static String symbol(DexNetworks.Configured network, String address) {
        try {
            return new Erc20(network.connection().reader(), address).symbol();
        } catch (RuntimeException e) {
            return null;  // not an ERC-20 (the report says what is there)
        }
    }

    private static boolean reachable(DexNetworks.Configured network) {
        try {
            network.connection().reader().blockNumber();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}

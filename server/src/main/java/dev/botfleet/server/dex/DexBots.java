package dev.botfleet.server.dex;

import dev.botfleet.dex.intel.IntelligenceSlider;
import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.runtime.PaperProperties;
import dev.botfleet.server.runtime.PaperVenue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs paper bots on DEX markets for the runtime: each start opens a session, follows the market's price pool and
 * connects the kernel to a {@link DexPaperPort}; the run's end closes the session and releases the feed.
 */
@Component
class DexBots implements PaperVenue {
    private final DexNetworks networks;
    private final DexMarkets markets;
    private final DexFeeds feeds;
    private final DexSessions sessions;
    private final DexMempool mempool;
    private final MempoolGuard mempoolGuard;
    private final DexRisk risk;
    private final DexProperties properties;
    private final PaperProperties paper;
    private final MarketDataHub hub;
    private final JdbcClient jdbc;
    private final Clock clock;

    /** A DEX bot's own settings. */
    record Settings(int slippageBps, int intelLevel) {
    }

    DexBots(DexNetworks networks, DexMarkets markets, DexFeeds feeds, DexSessions sessions, DexMempool mempool,
            MempoolGuard mempoolGuard, DexRisk risk, DexProperties properties, PaperProperties paper,
            MarketDataHub hub, JdbcClient jdbc, Clock clock) {
        this.mempool = mempool;
        this.mempoolGuard = mempoolGuard;
        this.networks = networks;
        this.markets = markets;
        this.feeds = feeds;
        this.sessions = sessions;
        this.risk = risk;
        this.properties = properties;
        this.paper = paper;
        this.hub = hub;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean handles(String exchange) {
        return networks.ofExchange(exchange).isPresent();
    }

    void save(UUID botId, Settings settings) {
        jdbc.sql("INSERT INTO dex_bots (bot_id, slippage_bps, intel_level) VALUES (:bot, :slippage, :level)")
                .param("bot", botId).param("slippage", settings.slippageBps()).param("level", settings.intelLevel())
                .update();
    }

    Optional<Settings> settings(UUID botId) {
        return jdbc.sql("SELECT slippage_bps, intel_level FROM dex_bots WHERE bot_id = :bot").param("bot", botId)
                .query((rs, n) -> new Settings(rs.getInt("slippage_bps"), rs.getInt("intel_level"))).optional();
    }

    /** A stopped bot's paper wallet: the start balance settled with its journaled fills (no chain needed). */
    @Override
    public List<Balance> balances(Bot bot, List<String> assets, List<Fill> fills) {
        DexMarket market = markets.find(bot.exchange(), bot.symbol()).orElseThrow(() ->
                new IllegalStateException("no DEX market " + bot.symbol() + " on " + bot.exchange()));
        DexPaperPort wallet = new DexPaperPort(market, null, null, 0, 0, paper.quoteBalance(), fills, () -> null,
                DexBuyChecks.NONE, clock, event -> { });
        return assets.stream().map(a -> wallet.balance(a).orElse(new Balance(a, BigDecimal.ZERO, BigDecimal.ZERO)))
                .toList();
    }

    @Override
    public Opened open(Bot bot, Instrument instrument, List<Fill> fills) {
        DexNetworks.Configured network = networks.ofExchange(bot.exchange()).orElseThrow();
        DexMarket market = markets.find(bot.exchange(), bot.symbol()).orElseThrow(() ->
                new IllegalStateException("no DEX market " + bot.symbol() + " on " + bot.exchange()));
        // A bot made through POST /bots rather than /dex/bots has no settings: the defaults of the DEX bot form.
        Settings settings = settings(bot.id()).orElse(new Settings(DexBotRequest.DEFAULT_SLIPPAGE_BPS,
                DexBotRequest.DEFAULT_INTEL_LEVEL));
        PinnedQuotes quotes = new PinnedQuotes(network.connection().web3j(), network.contracts);
        Runnable feed = feeds.acquire(market, network);
        Runnable watch = mempool.acquire(bot, market, network);
        sessions.start(bot.id(), settings.intelLevel());
        DexRiskGate gate = new DexRiskGate(risk, network, market, IntelligenceSlider.level(settings.intelLevel()),
                paper.quoteBalance(), () -> mempool.pendingRisks(bot.id()));
        Runnable release = () -> {
            feed.run();
            watch.run();
            sessions.end(bot.id());
        };
        return new Opened(listener -> new DexPaperPort(market, quotes, network.contracts.weth(),
                settings.slippageBps(), properties.paperGasUnits(), paper.quoteBalance(), fills,
                () -> hub.last(bot.exchange(), bot.symbol()).map(t -> BigDecimal.valueOf(t.price())).orElse(null),
                new DexBuyChecks(() -> mempoolGuard.refuseBuy(bot.id()), gate), clock, listener), release);
    }
}

package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.intel.IntelligenceSlider;
import dev.botfleet.dex.signer.LocalKeySigner;
import dev.botfleet.dex.signer.TransactionSigner;
import dev.botfleet.dex.signer.Web3SignerClient;
import dev.botfleet.dex.tx.Broadcaster;
import dev.botfleet.dex.tx.ChainClient;
import dev.botfleet.dex.tx.NonceManager;
import dev.botfleet.dex.tx.RpcGuard;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotResolver;
import dev.botfleet.server.runtime.LiveVenue;
import dev.botfleet.server.runtime.PaperVenue;
import dev.botfleet.server.wallet.WalletKeyService;
import dev.botfleet.server.wallet.WalletSigner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs LIVE bots on DEX markets: each start resolves the bot's wallet from the vault (a missing one stops the bot in
 * ERROR with the reason) — its key, or its external signer (Web3Signer's {@code eth_signTransaction}, every answer
 * checked against what was asked) — recovers what the wallet left in flight (journaled but maybe never broadcast: the same
 * signed bytes are sent again, never new ones), opens a session and connects the kernel to a {@link DexLivePort}.
 * One nonce manager per wallet and chain is shared by every bot (and the wallet screen) sending from that wallet.
 */
@Component
class DexLiveBots implements LiveVenue, BotResolver.WalletVenues {
    /** The longest one signature may take at an external signer: past it the order is REJECTED, "does not answer". */
    static final Duration SIGNER_TIMEOUT = Duration.ofSeconds(10);
    private final DexNetworks networks;
    private final DexMarkets markets;
    private final DexBots dexBots;
    private final DexFeeds feeds;
    private final DexSessions sessions;
    private final DexMempool mempool;
    private final MempoolGuard mempoolGuard;
    private final DexRisk risk;
    private final WalletKeyService walletKeys;
    private final MarketDataHub hub;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, ChainClient> clients = new ConcurrentHashMap<>();
    private final Map<String, NonceManager> nonces = new ConcurrentHashMap<>();

    DexLiveBots(DexNetworks networks, DexMarkets markets, DexBots dexBots, DexFeeds feeds, DexSessions sessions,
                DexMempool mempool, MempoolGuard mempoolGuard, DexRisk risk, WalletKeyService walletKeys,
                MarketDataHub hub, JdbcClient jdbc, Clock clock) {
        this.mempool = mempool;
        this.mempoolGuard = mempoolGuard;
        this.risk = risk;
        this.networks = networks;
        this.markets = markets;
        this.dexBots = dexBots;
        this.feeds = feeds;
        this.sessions = sessions;
        this.walletKeys = walletKeys;
        this.hub = hub;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean signsWithWallet(String exchangeId) {
        return networks.ofExchange(exchangeId).isPresent();
    }

    @Override
    public boolean handlesLive(String exchange) {
        return networks.ofExchange(exchange).isPresent();
    }

    void saveWallet(UUID botId, UUID walletKeyId) {
        jdbc.sql("UPDATE dex_bots SET wallet_key_id = :key WHERE bot_id = :bot").param("key", walletKeyId)
                .param("bot", botId).update();
    }

    Optional<UUID> walletOf(UUID botId) {
        return jdbc.sql("SELECT wallet_key_id FROM dex_bots WHERE bot_id = :bot").param("bot", botId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("wallet_key_id", UUID.class))).optional()
                .flatMap(o -> o);
    }

    /** How the owner's wallet signs: its key decrypted from the vault (on the caller's stack), or its external signer. */
    TransactionSigner signer(UUID ownerId, UUID walletKeyId, String what) {
        return switch (wallet(ownerId, walletKeyId, what)) {
            case WalletSigner.LocalKey local -> new LocalKeySigner(local.credentials());
            case WalletSigner.External external -> new Web3SignerClient(external.signerUrl(), external.address(),
                    SIGNER_TIMEOUT);
        };
    }

    private WalletSigner wallet(UUID ownerId, UUID walletKeyId, String what) {
        return walletKeys.signer(ownerId, walletKeyId).orElseThrow(() -> new IllegalStateException(
                what + ": its wallet key " + walletKeyId + " no longer exists (deleted?); store it again and choose it"));
    }

    ChainClient client(DexNetworks.Configured network) {
        return clients.computeIfAbsent(network.network.name(), n -> new ChainClient(network.connection().web3j(),
                RpcGuard.standard(clock)));
    }

    /** The transaction stack of one wallet on one network, its records stamped with {@code origin}. */
    DexWalletStack stack(DexNetworks.Configured network, Credentials key, JdbcTxJournal.Origin origin,
                         Broadcaster broadcaster) {
        return stack(network, new LocalKeySigner(key), origin, broadcaster, DexFeePolicy.DEFAULT);
    }

    DexWalletStack stack(DexNetworks.Configured network, TransactionSigner signer, JdbcTxJournal.Origin origin,
                         Broadcaster broadcaster) {
        return stack(network, signer, origin, broadcaster, DexFeePolicy.DEFAULT);
    }

    DexWalletStack stack(DexNetworks.Configured network, TransactionSigner signer, JdbcTxJournal.Origin origin,
                         Broadcaster broadcaster, dev.botfleet.dex.gas.FeePolicy policy) {
        ChainClient chain = client(network);
        long chainId = network.network.chainId();
        JdbcTxJournal journal = new JdbcTxJournal(jdbc, clock, network.network.name(), chainId, origin);
        NonceManager shared = nonces.computeIfAbsent(chainId + "|" + signer.address().toLowerCase(), k ->
                new NonceManager(new JdbcTxJournal(jdbc, clock, network.network.name(), chainId, origin), chain));
        return DexWalletStack.of(network.connection().web3j(), chainId, signer, journal, chain, shared,
                broadcaster == null ? chain : broadcaster, policy, clock);
    }

    @Override
    public PaperVenue.Opened openLive(Bot bot, Instrument instrument, List<Fill> fills) {
        DexNetworks.Configured network = networks.ofExchange(bot.exchange()).orElseThrow();
        DexMarket market = markets.find(bot.exchange(), bot.symbol()).orElseThrow(() ->
                new IllegalStateException("no DEX market " + bot.symbol() + " on " + bot.exchange()));
        String what = "LIVE DEX bot '" + bot.name() + "'";
        UUID walletKeyId = walletOf(bot.id()).orElseThrow(() -> new IllegalStateException(what + " has no wallet:"
                + " its wallet key was deleted, or it was not created with POST /api/v1/dex/bots and a walletKeyId"));
        TransactionSigner signer = signer(bot.ownerId(), walletKeyId, what);
        DexBots.Settings settings = dexBots.settings(bot.id()).orElse(new DexBots.Settings(
                DexBotRequest.DEFAULT_SLIPPAGE_BPS, DexBotRequest.DEFAULT_INTEL_LEVEL));
        DexWalletStack wallet = stack(network, signer, new JdbcTxJournal.Origin(bot.ownerId(), bot.id(), null,
                JdbcTxJournal.Purpose.OTHER), null, DexFeePolicy.forLevel(settings.intelLevel()));
        try {
            // what the wallet signed before a crash and the node may never have got: the same bytes go out again
            wallet.tracker().recover(wallet.wallet());
        } catch (IOException e) {
            throw new UncheckedIOException("the node of '" + network.network.name() + "' does not answer", e);
        }
        PinnedQuotes quotes = new PinnedQuotes(network.connection().web3j(), network.contracts);
        // the level's position cap is a share of what the wallet held in the quote token when the bot started
        BigDecimal budget = new BigDecimal(new Erc20(network.connection().reader(), market.quoteToken())
                .balanceOf(wallet.wallet()), market.quoteDecimals());
        DexBuyChecks checks = new DexBuyChecks(() -> mempoolGuard.refuseBuy(bot.id()), new DexRiskGate(risk, network,
                market, IntelligenceSlider.level(settings.intelLevel()), budget, () -> mempool.pendingRisks(bot.id())));
        Runnable feed = feeds.acquire(market, network);
        Runnable watch = mempool.acquire(bot, market, network);
        sessions.start(bot.id(), settings.intelLevel());
        Runnable release = () -> {
            feed.run();
            watch.run();
            sessions.end(bot.id());
        };
        return new PaperVenue.Opened(listener -> new DexLivePort(market, network.contracts, quotes,
                network.connection().reader(), wallet, bot.ownerId(), bot.id(), settings.slippageBps(),
                () -> hub.last(bot.exchange(), bot.symbol()).map(t -> BigDecimal.valueOf(t.price())).orElse(null),
                checks, clock, listener), release);
    }
}

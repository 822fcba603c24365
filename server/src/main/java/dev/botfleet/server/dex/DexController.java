package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotRequest;
import dev.botfleet.server.bot.BotResponse;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.bot.BotViews;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** DEX networks, token lookup, paper DEX bots and their sessions (docs/api/bots.md "DEX bots"). */
@RestController
public class DexController {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9.+_-]{1,15}");

    private final DexNetworks networks;
    private final DexMarkets markets;
    private final DexBots dexBots;
    private final DexSessions sessions;
    private final BotService bots;
    private final BotViews views;
    private final DexLiveBots liveBots;
    private final dev.botfleet.server.wallet.WalletKeyService walletKeys;
    private final dev.botfleet.server.auth.totp.TwoFactorGate twoFactor;

    DexController(DexNetworks networks, DexMarkets markets, DexBots dexBots, DexSessions sessions, BotService bots,
                  BotViews views, DexLiveBots liveBots, dev.botfleet.server.wallet.WalletKeyService walletKeys,
                  dev.botfleet.server.auth.totp.TwoFactorGate twoFactor) {
        this.twoFactor = twoFactor;
        this.liveBots = liveBots;
        this.walletKeys = walletKeys;
        this.networks = networks;
        this.markets = markets;
        this.dexBots = dexBots;
        this.sessions = sessions;
        this.bots = bots;
        this.views = views;
    }

    record NetworkView(String name, String exchange, long chainId) {
    }

    record TokenView(String network, String address, String symbol, int decimals) {
    }

    record DexBotView(BotResponse bot, String network, String baseToken, String quoteToken, int slippageBps,
                      int intelLevel) {
    }

    @GetMapping("/api/v1/dex/networks")
    public List<NetworkView> networks() {
        return networks.names().stream().map(n -> networks.find(n).orElseThrow())
                .map(c -> new NetworkView(c.network.name(), DexNetworks.exchangeId(c.network.name()), c.network.chainId()))
                .toList();
    }

    /** The ERC-20 at an address: its symbol and decimals, as its contract answers. */
    @GetMapping("/api/v1/dex/tokens")
    public TokenView token(CurrentUser user, @RequestParam(required = false) String network,
                           @RequestParam(required = false) String address) {
        Violations v = new Violations();
        DexNetworks.Configured configured = network(v, network);
        String token = address(v, "address", address);
        v.throwIfAny();
        return lookUp(configured, token, "address");
    }

    @PostMapping("/api/v1/dex/bots")
    @ResponseStatus(HttpStatus.CREATED)
    public DexBotView create(CurrentUser user, @RequestBody DexBotRequest request,
                             @org.springframework.web.bind.annotation.RequestHeader(
                                     value = dev.botfleet.server.auth.totp.TwoFactorGate.HEADER, required = false) String otp,
                             jakarta.servlet.http.HttpServletRequest http) {
        Violations v = new Violations();
        DexNetworks.Configured configured = network(v, request.network());
        String base = address(v, "baseToken", request.baseToken());
        String quote = address(v, "quoteToken", request.quoteToken());
        if (base != null && base.equalsIgnoreCase(quote)) v.add("quoteToken", "must differ from baseToken", quote);
        int level = integer(v, "intelLevel", request.intelLevel(), DexBotRequest.DEFAULT_INTEL_LEVEL, 1, 10);
        // without its own tolerance, the bot takes its intelligence level's (docs/dex-risk.md)
        int slippage = integer(v, "slippageBps", request.slippageBps(),
                dev.botfleet.dex.intel.IntelligenceSlider.level(level).slippageBps(), 0, 5000);
        boolean live = "LIVE".equals(request.mode());
        if (request.mode() != null && !live && !"PAPER".equals(request.mode())) {
            v.add("mode", "must be PAPER or LIVE", request.mode());
        }
        java.util.UUID walletKeyId = live ? walletKey(v, user.id(), request.walletKeyId()) : null;
        v.throwIfAny();
        // the user's "require 2FA for LIVE", as POST /bots asks it: after the body is valid, before the chain is asked
        if (live) twoFactor.requireForLive(user.id(), otp, http.getRemoteAddr());
        TokenView b = lookUp(configured, base, "baseToken");
        TokenView q = lookUp(configured, quote, "quoteToken");
        DexMarket market;  // registered on its own: a market without a bot is harmless, and the catalog needs it first
        try {
            market = markets.register(new DexMarket(configured.network.name(), b.address(), q.address(), b.symbol(),
                    q.symbol(), b.decimals(), q.decimals()));
        } catch (IllegalStateException e) {
            throw new ApiException.Invalid("baseToken", e.getMessage(), request.baseToken());
        }
        Bot bot = bots.create(user.id(), new BotRequest(request.name(), market.exchange(), market.symbol(),
                request.strategy(), live ? "LIVE" : "PAPER", request.config()));
        dexBots.save(bot.id(), new DexBots.Settings(slippage, level));
        if (walletKeyId != null) liveBots.saveWallet(bot.id(), walletKeyId);
        return new DexBotView(views.of(bot), market.network(), market.baseToken(), market.quoteToken(), slippage, level);
    }

    /** A DEX bot's market and settings. */
    @GetMapping("/api/v1/dex/bots/{id}")
    public DexBotView get(CurrentUser user, @PathVariable UUID id) {
        Bot bot = bots.get(user.id(), id);
        DexMarket market = markets.find(bot.exchange(), bot.symbol())
                .orElseThrow(() -> new ApiException.NotFound("Bot " + id + " is not a DEX bot"));
        DexBots.Settings s = dexBots.settings(id).orElse(new DexBots.Settings(DexBotRequest.DEFAULT_SLIPPAGE_BPS,
                DexBotRequest.DEFAULT_INTEL_LEVEL));
        return new DexBotView(views.of(bot), market.network(), market.baseToken(), market.quoteToken(),
                s.slippageBps(), s.intelLevel());
    }

    /** Every start of the bot is a session: run id, intel level, start, end, trades and PnL; newest first. */
    @GetMapping("/api/v1/bots/{id}/sessions")
    public List<DexSessions.Session> sessions(CurrentUser user, @PathVariable UUID id) {
        bots.get(user.id(), id);  // 404 unless the caller's bot
        return sessions.of(id);
    }

    private DexNetworks.Configured network(Violations v, String name) {
        if (name == null || name.isBlank()) {
            v.add("network", "is required; configured: " + String.join(", ", networks.names()), name);
            return null;
        }
        return networks.find(name.strip()).orElseGet(() -> {
            v.add("network", "unknown network; configured: " + String.join(", ", networks.names()), name);
            return null;
        });
    }

    /** A LIVE bot's wallet: one of the caller's own stored wallets (another user's is as unknown as a made-up id). */
    private java.util.UUID walletKey(Violations v, java.util.UUID ownerId, String value) {
        if (value == null || value.isBlank()) {
            v.add("walletKeyId", "is required for LIVE: the id of one of your wallets (POST /api/v1/wallet-keys)", value);
            return null;
        }
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            v.add("walletKeyId", "must be a wallet key id (a UUID)", value);
            return null;
        }
        if (walletKeys.find(ownerId, id).isEmpty()) {
            v.add("walletKeyId", "no such wallet key", value);
            return null;
        }
        return id;
    }

    private static String address(Violations v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.add(field, "is required: a token contract address (0x and 40 hex digits)", value);
            return null;
        }
        if (!ADDRESS.matcher(value.strip()).matches()) {
            v.add(field, "must be an address: 0x and 40 hex digits", value);
            return null;
        }
        return value.strip();
    }

    private static int integer(Violations v, String field, Object value, int defaultValue, int min, int max) {
        if (value == null) return defaultValue;
        Integer parsed = null;
        if (value instanceof Integer i) parsed = i;
        else if (value instanceof String s && s.strip().matches("-?\\d{1,9}")) parsed = Integer.valueOf(s.strip());
        if (parsed == null || parsed < min || parsed > max) {
            v.add(field, "must be a whole number from " + min + " to " + max, value);
            return defaultValue;
        }
        return parsed;
    }

    /** Asks the token contract; a node that cannot be reached is a 503, an address that is no ERC-20 a 400. */
    private TokenView lookUp(DexNetworks.Configured network, String address, String field) {
        Erc20 token;
        try {
            token = new Erc20(network.connection().reader(), address);
        } catch (RuntimeException e) {
            throw new ApiException.VenueUnavailable("The node of network '" + network.network.name()
                    + "' does not answer: " + network.network.safeDescription());
        }
        String symbol;
        int decimals;
        try {
            symbol = token.symbol();
            decimals = token.decimals();
        } catch (RuntimeException e) {
            throw new ApiException.Invalid(field, "no ERC-20 token answers symbol() and decimals() at this address on '"
                    + network.network.name() + "'", address);
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new ApiException.Invalid(field, "the token's symbol '" + symbol + "' is not 1-15 letters, digits or"
                    + " . + _ -", address);
        }
        if (decimals > 18) {
            throw new ApiException.Invalid(field, "the token has " + decimals + " decimals; at most 18 are supported",
                    address);
        }
        return new TokenView(network.network.name(), address, symbol, decimals);
    }
}

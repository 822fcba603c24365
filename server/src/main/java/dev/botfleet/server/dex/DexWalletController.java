package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.ContractRevertedException;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.wallet.WalletKey;
import dev.botfleet.server.wallet.WalletKeyService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The wallet screen (docs/dex-live.md "Wallets"): a stored wallet's balances on a network (native and the tokens of
 * the owner's DEX markets there), its ERC-20 approvals (spenders found in the wallet's Approval logs of those tokens,
 * plus the network's routers; allowance() read now) and revoking one: approve(spender, 0) through the same
 * transaction manager and journal as a LIVE bot's swaps.
 */
@RestController
class DexWalletController {
    private final DexNetworks networks;
    private final DexMarkets markets;
    private final DexLiveBots liveBots;
    private final WalletKeyService walletKeys;
    private final JdbcClient jdbc;
    private final ApprovalScans scans;

    DexWalletController(DexNetworks networks, DexMarkets markets, DexLiveBots liveBots, WalletKeyService walletKeys,
                        JdbcClient jdbc, ApprovalScans scans) {
        this.scans = scans;
        this.networks = networks;
        this.markets = markets;
        this.liveBots = liveBots;
        this.walletKeys = walletKeys;
        this.jdbc = jdbc;
    }

    record TokenBalance(String token, String symbol, int decimals, String units, String amount) {
    }

    record ApprovalView(String token, String symbol, String spender, String spenderName, String units, String amount) {
    }

    record WalletView(UUID id, String label, String address, String network, String nativeWei, String nativeAmount,
                      List<TokenBalance> tokens, List<ApprovalView> approvals) {
    }

    record RevokeRequest(String network, String token, String spender) {
    }

    record RevokeView(String hash, String status, String token, String spender) {
    }

    @GetMapping("/api/v1/dex/wallets/{id}")
    public WalletView wallet(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String network) {
        WalletKey key = own(user.id(), id);
        DexNetworks.Configured configured = network(network);
        String address = key.address();
        try {
            BigInteger wei = configured.connection().web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST)
                    .send().getBalance();
            Map<String, DexMarketToken> tokens = tokens(user.id(), configured);
            List<TokenBalance> balances = new ArrayList<>();
            for (DexMarketToken t : tokens.values()) {
                BigInteger units = new Erc20(configured.connection().reader(), t.address()).balanceOf(address);
                balances.add(new TokenBalance(t.address(), t.symbol(), t.decimals(), units.toString(),
                        new BigDecimal(units, t.decimals()).toPlainString()));
            }
            return new WalletView(id, key.label(), address, configured.network.name(), wei.toString(),
                    new BigDecimal(wei, 18).stripTrailingZeros().toPlainString(), balances,
                    approvals(configured, id, address, tokens));
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) throw api;
            throw new ApiException.VenueUnavailable("The node of network '" + configured.network.name()
                    + "' does not answer: " + configured.network.safeDescription());
        }
    }

    @PostMapping("/api/v1/dex/wallets/{id}/revoke")
    public RevokeView revoke(CurrentUser user, @PathVariable UUID id, @RequestBody RevokeRequest request) {
        WalletKey key = own(user.id(), id);
        Violations v = new Violations();
        String token = address(v, "token", request == null ? null : request.token());
        String spender = address(v, "spender", request == null ? null : request.spender());
        v.throwIfAny();
        DexNetworks.Configured configured = network(request.network());
        dev.botfleet.dex.signer.TransactionSigner signer;
        try {
            signer = liveBots.signer(user.id(), key.id(), "Wallet " + key.address());
        } catch (IllegalStateException e) {
            throw new ApiException.Conflict(e.getMessage());
        }
        DexWalletStack stack = liveBots.stack(configured, signer, new JdbcTxJournal.Origin(user.id(), null, null,
                JdbcTxJournal.Purpose.REVOKE), null);
        try {
            TransactionReceipt receipt = stack.sender().send(token, Erc20.approve(spender, BigInteger.ZERO),
                    BigInteger.ZERO);
            stack.journal().recordGas(receipt.getTransactionHash(), receipt.getGasUsed(),
                    org.web3j.utils.Numeric.decodeQuantity(receipt.getEffectiveGasPrice()), null, null);
            String status = stack.journal().find(receipt.getTransactionHash()).map(r -> r.status().name()).orElse("MINED");
            return new RevokeView(receipt.getTransactionHash(), status, token, spender);
        } catch (ContractRevertedException e) {
            throw new ApiException.Invalid("token", "the token refused approve(spender, 0): " + e.reason(), token);
        } catch (dev.botfleet.dex.signer.SignerException e) {
            // an external signer that refused, lied or did not answer: nothing was journaled or broadcast; its words
            // (the URL without credentials) tell the user what to fix on the signer's side
            throw new ApiException.VenueUnavailable("The revoke was not sent: " + e.getMessage());
        }
    }

    private record DexMarketToken(String address, String symbol, int decimals) {
    }

    /** WETH and both tokens of every market the owner's DEX bots trade on this network. */
    private Map<String, DexMarketToken> tokens(UUID ownerId, DexNetworks.Configured network) {
        Map<String, DexMarketToken> tokens = new LinkedHashMap<>();
        String exchange = DexNetworks.exchangeId(network.network.name());
        for (String symbol : jdbc.sql("SELECT DISTINCT symbol FROM bots WHERE owner_id = :o AND exchange = :e")
                .param("o", ownerId).param("e", exchange).query(String.class).list()) {
            markets.find(exchange, symbol).ifPresent(m -> {
                tokens.putIfAbsent(m.baseToken().toLowerCase(Locale.ROOT), new DexMarketToken(m.baseToken(), m.baseSymbol(), m.baseDecimals()));
                tokens.putIfAbsent(m.quoteToken().toLowerCase(Locale.ROOT), new DexMarketToken(m.quoteToken(), m.quoteSymbol(), m.quoteDecimals()));
            });
        }
        String weth = network.contracts.weth();
        tokens.putIfAbsent(weth.toLowerCase(Locale.ROOT), new DexMarketToken(weth, "WETH", 18));
        return tokens;
    }

    /**
     * Allowances above zero: spenders from the wallet's Approval logs of the tokens (from the block of its first
     * transaction, in chunks, only the blocks not read yet: {@link ApprovalScans}), and the routers.
     */
    private List<ApprovalView> approvals(DexNetworks.Configured network, UUID walletKeyId, String wallet,
                                         Map<String, DexMarketToken> tokens) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(network.contracts.v2Router().toLowerCase(Locale.ROOT), "Uniswap V2 router");
        names.put(network.contracts.v3SwapRouter().toLowerCase(Locale.ROOT), "Uniswap V3 SwapRouter");
        BigInteger latest = network.connection().web3j().ethBlockNumber().send().getBlockNumber();
        Map<String, Set<String>> found = scans.spenders(network, walletKeyId, wallet, tokens.values().stream()
                .map(DexMarketToken::address).toList(), latest, new ApprovalLogScan(network.connection().web3j()));
        Map<String, Set<String>> spenders = new LinkedHashMap<>();
        for (DexMarketToken t : tokens.values()) {
            Set<String> of = new LinkedHashSet<>(names.keySet());
            of.addAll(found.getOrDefault(t.address().toLowerCase(Locale.ROOT), Set.of()));
            spenders.put(t.address().toLowerCase(Locale.ROOT), of);
        }
        List<ApprovalView> approvals = new ArrayList<>();
        for (DexMarketToken t : tokens.values()) {
            for (String spender : spenders.get(t.address().toLowerCase(Locale.ROOT))) {
                BigInteger units = new Erc20(network.connection().reader(), t.address()).allowance(wallet, spender);
                if (units.signum() == 0) continue;
                approvals.add(new ApprovalView(t.address(), t.symbol(), spender, names.get(spender), units.toString(),
                        new BigDecimal(units, t.decimals()).toPlainString()));
            }
        }
        return approvals;
    }

    private WalletKey own(UUID ownerId, UUID id) {
        return walletKeys.find(ownerId, id).orElseThrow(() -> new ApiException.NotFound("No wallet key " + id));
    }

    private DexNetworks.Configured network(String name) {
        if (name == null || name.isBlank()) {
            if (networks.names().size() == 1) return networks.find(networks.names().getFirst()).orElseThrow();
            throw new ApiException.Invalid("network", "is required; configured: " + String.join(", ", networks.names()), name);
        }
        return networks.find(name.strip()).orElseThrow(() -> new ApiException.Invalid("network",
                "unknown network; configured: " + String.join(", ", networks.names()), name));
    }

    private static String address(Violations v, String field, String value) {
        if (value == null || !value.strip().matches("0x[0-9a-fA-F]{40}")) {
            v.add(field, "must be an address: 0x and 40 hex digits", value);
            return null;
        }
        return value.strip();
    }
}

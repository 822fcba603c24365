package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.chain.TransactionSender;
import dev.botfleet.dex.tx.Broadcaster;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.dex.uniswap.Approval;
import dev.botfleet.dex.uniswap.LocalUniswap;
import dev.botfleet.dex.uniswap.SwapTerms;
import dev.botfleet.dex.uniswap.UniswapQuoter;
import dev.botfleet.dex.uniswap.UniswapSwapper;
import dev.botfleet.server.runtime.RuntimeTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static dev.botfleet.dex.uniswap.LocalUniswap.USDC_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LIVE DEX bots on a real local chain (ganache + the real Uniswap contracts): the wallet's key in the vault, real
 * transactions journaled before broadcast, the wallet's on-chain balances equal to what the bot's fills say to the
 * token unit, the gas fee equal to the receipts' gasUsed × effectiveGasPrice; a crash between journal and broadcast
 * and one between broadcast and receipt never send twice.
 */
public abstract class LiveDexBotCases extends RuntimeTestBase {
    private static LocalChain chain;
    private static LocalUniswap uniswap;

    @Autowired
    DexLiveBots liveBots;
    @Autowired
    DexNetworks networks;
    @Autowired
    DexMarkets markets;

    @DynamicPropertySource
    static void localNetwork(DynamicPropertyRegistry registry) {
        if (chain == null) {
            chain = LocalChain.start();
            uniswap = LocalUniswap.deploy(chain);
        }
        LocalDexNetwork.register(registry, "local", chain, uniswap);
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) chain.close();
        chain = null;
        uniswap = null;
    }

    @Test
    void aLiveDexBotBuysWithItsVaultWalletAndTheChainAgreesToTheTokenUnit() throws Exception {
        Session user = newUser();
        Credentials key = LocalChain.account(8);
        TransactionSender own = uniswap.wallet(key);
        uniswap.fund(own, BigInteger.ZERO, USDC_UNIT.multiply(BigInteger.valueOf(10_000)));  // spends nonce 0 (ganache quirk)
        BigInteger usdcBefore = uniswap.token(uniswap.usdc).balanceOf(key.getAddress());
        BigInteger wethBefore = uniswap.token(uniswap.weth()).balanceOf(key.getAddress());
        String walletKeyId = storeKey(user, key);

        Map<String, Object> body = dexBot("live buyer", walletKeyId);
        Answer created = post("/api/v1/dex/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.body().get("bot").get("mode").asString()).isEqualTo("LIVE");
        String id = created.body().get("bot").get("id").asString();
        start(user, id);

        competitorSells(5, ETHER.multiply(BigInteger.valueOf(5)));
        JsonNode trades = await("the bot's first live fill", () -> get("/api/v1/bots/" + id + "/trades", user).body(),
                t -> t.size() >= 1);
        JsonNode fill = trades.get(0);
        assertThat(fill.get("side").asString()).isEqualTo("BUY");
        BigDecimal quantity = new BigDecimal(fill.get("quantity").asString());
        BigDecimal price = new BigDecimal(fill.get("price").asString());
        BigDecimal fee = new BigDecimal(fill.get("fee").asString());
        String swapHash = fill.get("tradeId").asString();

        // the chain: exactly the WETH the fill says came in, exactly the USDC it says went out
        BigInteger wethUnits = uniswap.token(uniswap.weth()).balanceOf(key.getAddress()).subtract(wethBefore);
        BigInteger usdcUnits = usdcBefore.subtract(uniswap.token(uniswap.usdc).balanceOf(key.getAddress()));
        assertThat(new BigDecimal(wethUnits, 18)).isEqualByComparingTo(quantity);
        assertThat(price.multiply(quantity).setScale(6, RoundingMode.HALF_EVEN)).isEqualByComparingTo(new BigDecimal(usdcUnits, 6));
        assertThat(new BigDecimal(usdcUnits, 6)).isBetween(new BigDecimal("99"), new BigDecimal("102"));

        // the journal: an exact approval then the swap, both confirmed; gas = Σ gasUsed × effectiveGasPrice
        List<Map<String, Object>> txs = jdbc.sql("""
                SELECT hash, purpose, status, gas_used, effective_gas_price FROM dex_transactions
                WHERE bot_id = :bot ORDER BY nonce""").param("bot", UUID.fromString(id)).query().listOfRows();
        assertThat(txs).extracting(r -> r.get("purpose") + " " + r.get("status"))
                .containsExactly("APPROVE CONFIRMED", "SWAP CONFIRMED");
        assertThat(txs.get(1).get("hash")).isEqualTo(swapHash);
        BigInteger gasWei = BigInteger.ZERO;
        for (Map<String, Object> tx : txs) {
            var receipt = chain.web3j().ethGetTransactionReceipt((String) tx.get("hash")).send().getTransactionReceipt()
                    .orElseThrow();
            BigInteger charged = receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice()));
            assertThat(((BigDecimal) tx.get("gas_used")).multiply((BigDecimal) tx.get("effective_gas_price")))
                    .isEqualByComparingTo(new BigDecimal(charged));
            gasWei = gasWei.add(charged);
        }
        // valued at the fill's own WETH price, rounded up to a USDC unit
        BigInteger[] feeUnits = gasWei.multiply(usdcUnits).divideAndRemainder(wethUnits);
        BigInteger expectedFee = feeUnits[1].signum() == 0 ? feeUnits[0] : feeUnits[0].add(BigInteger.ONE);
        assertThat(fee).isEqualByComparingTo(new BigDecimal(expectedFee, 6));
        assertThat(fill.get("feeCurrency").asString()).isEqualTo("USDC");
        // the approval was exact for this swap (amountInMax), never unlimited
        BigInteger allowanceLeft = uniswap.token(uniswap.usdc).allowance(key.getAddress(), uniswap.contracts.v2Router())
                .add(uniswap.token(uniswap.usdc).allowance(key.getAddress(), uniswap.contracts.v3SwapRouter()));
        assertThat(allowanceLeft).isLessThan(USDC_UNIT.multiply(BigInteger.TWO));
        post("/api/v1/bots/" + id + "/stop", user, null);
    }

    @Test
    void aLiveBotNamesAWalletOfItsOwnerAndADeletedWalletStopsItInError() {
        Session owner = newUser();
        Session other = newUser();
        String othersKey = storeKey(other, LocalChain.account(7));
        Answer foreign = post("/api/v1/dex/bots", owner, dexBot("not mine", othersKey));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errorFields()).containsExactly("walletKeyId");
        Answer missing = post("/api/v1/dex/bots", owner, dexBot("no wallet", null));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("walletKeyId");
        Map<String, Object> badMode = dexBot("bad mode", null);
        badMode.put("mode", "REAL");
        assertThat(post("/api/v1/dex/bots", owner, badMode).errorFields()).containsExactly("mode");

        String mine = storeKey(owner, LocalChain.account(6));
        Answer created = post("/api/v1/dex/bots", owner, dexBot("orphan", mine));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("bot").get("id").asString();
        assertThat(delete("/api/v1/wallet-keys/" + mine, owner).status()).isEqualTo(204);
        post("/api/v1/bots/" + id + "/start", owner, null);
        JsonNode bot = await("the bot in ERROR", () -> get("/api/v1/bots/" + id, owner).body(),
                b -> b.get("status").asString().equals("ERROR"));
        assertThat(bot.get("statusReason").asString()).contains("has no wallet").contains("wallet key was deleted");
    }

    /** A crash after the swap is journaled, before it reaches the node; then one after broadcast, before the receipt. */
    @Test
    void aCrashBetweenJournalAndBroadcastOrBeforeTheReceiptNeverSendsTwice() throws Exception {
        Session user = newUser();
        Credentials key = LocalChain.account(9);
        uniswap.fund(uniswap.wallet(key), BigInteger.ZERO, USDC_UNIT.multiply(BigInteger.valueOf(10_000)));
        String walletKeyId = storeKey(user, key);
        Answer created = post("/api/v1/dex/bots", user, dexBot("crashy", walletKeyId));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        UUID botId = UUID.fromString(created.body().get("bot").get("id").asString());
        DexNetworks.Configured network = networks.find("local").orElseThrow();
        DexMarket market = markets.find("dex:local", "WETH/USDC").orElseThrow();
        BigDecimal quantity = new BigDecimal("0.01");

        // 1. the approval goes out, the swap is journaled and the process dies before broadcasting it
        BigInteger countBefore = minedCount(key);
        Broadcaster dyingBeforeTheSwap = raw -> {
            if (isSwap(raw)) throw new Crash();
            liveBots.client(network).send(raw);
        };
        OrderSnapshot order = order(botId, "live-crash-1", quantity);
        DexLivePort first = port(network, market, key, user.id(), botId, dyingBeforeTheSwap);
        assertThatThrownBy(() -> first.submit(order)).isInstanceOf(Crash.class);
        assertThat(minedCount(key)).isEqualTo(countBefore.add(BigInteger.ONE));  // the approval only
        assertThat(jdbc.sql("SELECT status FROM dex_transactions WHERE bot_id = :b AND purpose = 'SWAP'")
                .param("b", botId).query(String.class).list()).containsExactly("SIGNED");

        // restart: what the wallet left in flight goes out again (same bytes), the order is answered from the chain
        DexLivePort restarted = port(network, market, key, user.id(), botId, null);
        OrderReport report = restarted.query(order).orElseThrow();
        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.fills().getFirst().quantity()).isEqualByComparingTo(quantity);
        restarted.submit(order);  // the kernel's resend after a restart: answered from what it knows, nothing signed
        assertThat(minedCount(key)).isEqualTo(countBefore.add(BigInteger.TWO));
        assertThat(journaledOf(botId, "live-crash-1")).isEqualTo(2);

        // 2. the swap reached the node, the process dies before the answer: found on chain by hash, not sent again
        BigInteger countAfterFirst = minedCount(key);
        Broadcaster dyingAfterTheSwap = raw -> {
            liveBots.client(network).send(raw);
            if (isSwap(raw)) throw new Crash();
        };
        OrderSnapshot second = order(botId, "live-crash-2", quantity);
        DexLivePort third = port(network, market, key, user.id(), botId, dyingAfterTheSwap);
        assertThatThrownBy(() -> third.submit(second)).isInstanceOf(Crash.class);
        DexLivePort fourth = port(network, market, key, user.id(), botId, null);
        OrderReport again = fourth.query(second).orElseThrow();
        assertThat(again.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(again.fills().getFirst().quantity()).isEqualByComparingTo(quantity);
        fourth.submit(second);
        // every transaction the order journaled was mined once, and only those: one swap, its approvals
        long journaled = journaledOf(botId, "live-crash-2");
        assertThat(minedCount(key).subtract(countAfterFirst)).isEqualTo(BigInteger.valueOf(journaled));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM dex_transactions WHERE bot_id = :b AND client_order_id = 'live-crash-2'
                AND purpose = 'SWAP'""").param("b", botId).query(Long.class).single()).isEqualTo(1);
    }

    private boolean isSwap(String raw) {
        return jdbc.sql("SELECT purpose FROM dex_transactions WHERE raw_tx = :raw").param("raw", raw)
                .query(String.class).optional().map("SWAP"::equals).orElse(false);
    }

    private long journaledOf(UUID botId, String clientOrderId) {
        return jdbc.sql("SELECT COUNT(*) FROM dex_transactions WHERE bot_id = :b AND client_order_id = :o")
                .param("b", botId).param("o", clientOrderId).query(Long.class).single();
    }

    @Test
    void theTransactionListAndTheWalletScreenShowWhatTheWalletSignedAndRevokeAnApproval() throws Exception {
        Session user = newUser();
        Credentials key = LocalChain.account(3);
        uniswap.fund(uniswap.wallet(key), BigInteger.ZERO, USDC_UNIT.multiply(BigInteger.valueOf(1_000)));
        String walletKeyId = storeKey(user, key);
        Answer created = post("/api/v1/dex/bots", user, dexBot("listed", walletKeyId));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        UUID botId = UUID.fromString(created.body().get("bot").get("id").asString());
        DexNetworks.Configured network = networks.find("local").orElseThrow();
        DexMarket market = markets.find("dex:local", "WETH/USDC").orElseThrow();
        port(network, market, key, user.id(), botId, null).submit(order(botId, "listed-1", new BigDecimal("0.02")));

        JsonNode txs = get("/api/v1/dex/transactions?botId=" + botId, user).body();
        assertThat(txs).hasSize(2);
        assertThat(txs.get(0).get("purpose").asString()).isEqualTo("SWAP");  // newest first
        assertThat(txs.get(1).get("purpose").asString()).isEqualTo("APPROVE");
        for (JsonNode tx : txs) {
            assertThat(tx.get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(tx.get("wallet").asString()).isEqualTo(key.getAddress().toLowerCase());
            var receipt = chain.web3j().ethGetTransactionReceipt(tx.get("hash").asString()).send()
                    .getTransactionReceipt().orElseThrow();
            assertThat(new BigInteger(tx.get("feeWei").asString())).isEqualTo(
                    receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice())));
            assertThat(new BigDecimal(tx.get("feeQuote").asString())).isPositive();
            assertThat(tx.get("feeQuoteAsset").asString()).isEqualTo("USDC");
            assertThat(tx.get("clientOrderId").asString()).isEqualTo("listed-1");
        }
        assertThat(get("/api/v1/dex/transactions?botId=" + botId, newUser()).body()).isEmpty();  // owner-scoped
        assertThat(get("/api/v1/dex/transactions?status=CONFIRMED&wallet=" + key.getAddress(), user).body()).hasSize(2);
        assertThat(get("/api/v1/dex/transactions?status=NOPE&botId=x", user).errorFields())
                .containsExactlyInAnyOrder("status", "botId");

        // the wallet screen: balances as the contracts answer, the approval the swap left (exact for amountInMax)
        JsonNode wallet = get("/api/v1/dex/wallets/" + walletKeyId + "?network=local", user).body();
        assertThat(wallet.get("address").asString()).isEqualToIgnoringCase(key.getAddress());
        BigInteger usdcUnits = uniswap.token(uniswap.usdc).balanceOf(key.getAddress());
        JsonNode usdc = null;
        for (JsonNode t : wallet.get("tokens")) if (t.get("symbol").asString().equals("USDC")) usdc = t;
        assertThat(usdc).isNotNull();
        assertThat(new BigInteger(usdc.get("units").asString())).isEqualTo(usdcUnits);
        assertThat(new BigInteger(wallet.get("nativeWei").asString())).isEqualTo(chain.web3j()
                .ethGetBalance(key.getAddress(), DefaultBlockParameterName.LATEST).send().getBalance());
        JsonNode approval = wallet.get("approvals").get(0);
        assertThat(approval.get("symbol").asString()).isEqualTo("USDC");
        String spender = approval.get("spender").asString();
        BigInteger allowance = uniswap.token(uniswap.usdc).allowance(key.getAddress(), spender);
        assertThat(allowance).isPositive();
        assertThat(new BigInteger(approval.get("units").asString())).isEqualTo(allowance);

        Answer revoked = post("/api/v1/dex/wallets/" + walletKeyId + "/revoke", user,
                Map.of("network", "local", "token", uniswap.usdc, "spender", spender));
        assertThat(revoked.status()).as(String.valueOf(revoked.body())).isEqualTo(200);
        assertThat(uniswap.token(uniswap.usdc).allowance(key.getAddress(), spender)).isZero();
        assertThat(get("/api/v1/dex/wallets/" + walletKeyId + "?network=local", user).body().get("approvals")).isEmpty();
        JsonNode revokeTx = get("/api/v1/dex/transactions?wallet=" + key.getAddress(), user).body().get(0);
        assertThat(revokeTx.get("purpose").asString()).isEqualTo("REVOKE");
        assertThat(revokeTx.get("hash").asString()).isEqualTo(revoked.body().get("hash").asString());
        assertThat(revokeTx.get("status").asString()).isEqualTo("CONFIRMED");

        assertThat(get("/api/v1/dex/wallets/" + walletKeyId + "?network=local", newUser()).status()).isEqualTo(404);
        assertThat(post("/api/v1/dex/wallets/" + walletKeyId + "/revoke", user,
                Map.of("network", "local", "token", "0x12", "spender", spender)).errorFields()).containsExactly("token");
    }

    @Test
    void aLiveSellSwapsExactlyTheOrdersQuantityAndBooksWhatCameIn() throws Exception {
        Session user = newUser();
        Credentials key = LocalChain.account(2);
        uniswap.fund(uniswap.wallet(key), ETHER, BigInteger.ZERO);  // 1 WETH (spends nonce 0)
        Answer created = post("/api/v1/dex/bots", user, dexBot("seller", storeKey(user, key)));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        UUID botId = UUID.fromString(created.body().get("bot").get("id").asString());
        DexNetworks.Configured network = networks.find("local").orElseThrow();
        DexMarket market = markets.find("dex:local", "WETH/USDC").orElseThrow();
        BigInteger wethBefore = uniswap.token(uniswap.weth()).balanceOf(key.getAddress());
        BigInteger usdcBefore = uniswap.token(uniswap.usdc).balanceOf(key.getAddress());

        java.util.List<dev.botfleet.engine.order.OrderEvent> events = new java.util.ArrayList<>();
        DexWalletStack stack = liveBots.stack(network, key, new JdbcTxJournal.Origin(user.id(), botId, null,
                JdbcTxJournal.Purpose.OTHER), null);
        DexLivePort port = new DexLivePort(market, network.contracts, new PinnedQuotes(network.connection().web3j(),
                network.contracts), network.connection().reader(), stack, user.id(), botId, 100, () -> null,
                DexBuyChecks.NONE, Clock.systemUTC(), events::add);
        OrderSnapshot sell = new OrderSnapshot(botId.toString(), "sell-1", null, "dex:local", "WETH/USDC",
                OrderSide.SELL, OrderType.MARKET, TimeInForce.GTC, null, new BigDecimal("0.4"), OrderStatus.SUBMITTED,
                BigDecimal.ZERO, null, Map.of(), BigDecimal.ZERO, null, null, false, Instant.now(), Instant.now());
        port.submit(sell);

        var fill = (dev.botfleet.engine.order.OrderEvent.OrderFilled) events.stream()
                .filter(e -> e instanceof dev.botfleet.engine.order.OrderEvent.OrderFilled).findFirst().orElseThrow();
        BigInteger wethOut = wethBefore.subtract(uniswap.token(uniswap.weth()).balanceOf(key.getAddress()));
        BigInteger usdcIn = uniswap.token(uniswap.usdc).balanceOf(key.getAddress()).subtract(usdcBefore);
        assertThat(wethOut).isEqualTo(new BigInteger("400000000000000000"));  // exactly the order's quantity
        assertThat(fill.quantity()).isEqualByComparingTo("0.4");
        assertThat(fill.price().multiply(fill.quantity()).setScale(6, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(new BigDecimal(usdcIn, 6));
        assertThat(new BigDecimal(usdcIn, 6)).isBetween(new BigDecimal("700"), new BigDecimal("850"));
        BigInteger gasWei = BigInteger.ZERO;
        for (Map<String, Object> tx : jdbc.sql("SELECT hash FROM dex_transactions WHERE bot_id = :b")
                .param("b", botId).query().listOfRows()) {
            var receipt = chain.web3j().ethGetTransactionReceipt((String) tx.get("hash")).send()
                    .getTransactionReceipt().orElseThrow();
            gasWei = gasWei.add(receipt.getGasUsed().multiply(Numeric.decodeQuantity(receipt.getEffectiveGasPrice())));
        }
        BigInteger[] feeUnits = gasWei.multiply(usdcIn).divideAndRemainder(wethOut);
        BigInteger expectedFee = feeUnits[1].signum() == 0 ? feeUnits[0] : feeUnits[0].add(BigInteger.ONE);
        assertThat(fill.fee()).isEqualByComparingTo(new BigDecimal(expectedFee, 6));
        // the WETH approval was exactly the quantity sold: nothing left for the router
        assertThat(uniswap.token(uniswap.weth()).allowance(key.getAddress(), uniswap.contracts.v2Router())
                .add(uniswap.token(uniswap.weth()).allowance(key.getAddress(), uniswap.contracts.v3SwapRouter()))).isZero();
    }

    /** Stands for the process dying: not an exception the code under test may catch. */
    static final class Crash extends Error {
    }

    private DexLivePort port(DexNetworks.Configured network, DexMarket market, Credentials key, UUID owner, UUID botId,
                             Broadcaster broadcaster) throws Exception {
        DexWalletStack stack = liveBots.stack(network, key, new JdbcTxJournal.Origin(owner, botId, null,
                JdbcTxJournal.Purpose.OTHER), broadcaster);
        stack.tracker().recover(stack.wallet());  // what openLive does on every start
        return new DexLivePort(market, network.contracts, new PinnedQuotes(network.connection().web3j(),
                network.contracts), network.connection().reader(), stack, owner, botId, 100, () -> null,
                DexBuyChecks.NONE, Clock.systemUTC(), event -> { });
    }

    private static OrderSnapshot order(UUID botId, String clientOrderId, BigDecimal quantity) {
        Instant now = Instant.now();
        return new OrderSnapshot(botId.toString(), clientOrderId, null, "dex:local", "WETH/USDC", OrderSide.BUY,
                OrderType.MARKET, TimeInForce.GTC, null, quantity, OrderStatus.SUBMITTED, BigDecimal.ZERO, null,
                Map.of(), BigDecimal.ZERO, null, null, false, now, now);
    }

    private static BigInteger minedCount(Credentials key) throws Exception {
        return chain.web3j().ethGetTransactionCount(key.getAddress(), DefaultBlockParameterName.LATEST).send()
                .getTransactionCount();
    }

    private String storeKey(Session user, Credentials key) {
        Answer stored = post("/api/v1/wallet-keys", user, Map.of("privateKey",
                Numeric.toHexStringNoPrefixZeroPadded(key.getEcKeyPair().getPrivateKey(), 64)));
        assertThat(stored.status()).as(String.valueOf(stored.body())).isEqualTo(201);
        return stored.body().get("id").asString();
    }

    private static void competitorSells(int account, BigInteger weth) {
        TransactionSender competitor = uniswap.wallet(chain.accounts().get(account));
        uniswap.fund(competitor, weth, BigInteger.ZERO);
        UniswapQuoter quoter = new UniswapQuoter(uniswap.reader, uniswap.contracts);
        new UniswapSwapper(uniswap.reader, uniswap.contracts).swap(competitor,
                quoter.quoteV2(uniswap.weth(), uniswap.usdc, weth).orElseThrow(),
                new SwapTerms(50, Instant.now().plusSeconds(600)), Approval.exact());
    }

    private static Map<String, Object> dexBot(String name, String walletKeyId) {
        Map<String, Object> config = new HashMap<>(Map.of("intervalMinutes", 60, "orderAmount", "100",
                "maxPositionAmount", "1000", "takeProfitPercent", "0"));
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "network", "local", "baseToken", uniswap.weth(),
                "quoteToken", uniswap.usdc, "strategy", "simple-dca", "slippageBps", 100, "intelLevel", 5,
                "mode", "LIVE"));
        if (walletKeyId != null) body.put("walletKeyId", walletKeyId);
        body.put("config", config);
        return body;
    }
}

package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.chain.TransactionSender;
import dev.botfleet.dex.signer.FakeWeb3Signer;
import dev.botfleet.dex.uniswap.Approval;
import dev.botfleet.dex.uniswap.LocalUniswap;
import dev.botfleet.dex.uniswap.SwapTerms;
import dev.botfleet.dex.uniswap.UniswapQuoter;
import dev.botfleet.dex.uniswap.UniswapSwapper;
import dev.botfleet.engine.order.OrderEvent;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import dev.botfleet.engine.order.OrderStatus;
import dev.botfleet.engine.order.OrderType;
import dev.botfleet.engine.order.TimeInForce;
import dev.botfleet.server.runtime.RuntimeTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static dev.botfleet.dex.uniswap.LocalUniswap.USDC_UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIVE DEX bots whose wallet is an external signer (the fake Web3Signer holding a funded wallet's key), on a real local
 * chain with the real Uniswap contracts: the bot buys and the chain agrees to the token unit, the signer signed exactly
 * the journaled transactions; a signer that lies or is down gets the order REJECTED with the plain reason, nothing
 * journaled, nothing broadcast, and the wallet's nonce is not lost.
 */
public abstract class ExternalSignerDexBotCases extends RuntimeTestBase {
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
    void aLiveDexBotBuysThroughItsExternalSignerAndTheChainAgreesToTheTokenUnit() throws Exception {
        Session user = newUser();
        Credentials key = freshWallet();
        uniswap.fund(uniswap.wallet(key), BigInteger.ZERO, USDC_UNIT.multiply(BigInteger.valueOf(10_000)));
        BigInteger usdcBefore = uniswap.token(uniswap.usdc).balanceOf(key.getAddress());
        BigInteger wethBefore = uniswap.token(uniswap.weth()).balanceOf(key.getAddress());
        try (FakeWeb3Signer signer = FakeWeb3Signer.start(chain.chainId(), key)) {
            String walletKeyId = storeSigner(user, signer, key);
            Answer created = post("/api/v1/dex/bots", user, dexBot("signed elsewhere", walletKeyId));
            assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
            String id = created.body().get("bot").get("id").asString();
            start(user, id);

            competitorSells(5, ETHER.multiply(BigInteger.valueOf(5)));
            JsonNode trades;
            try {
                trades = await("the bot's first live fill", () -> get("/api/v1/bots/" + id + "/trades", user).body(),
                        t -> t.size() >= 1);
            } catch (AssertionError timedOut) {  // say where it stopped: the order, the journal, the signer
                throw new AssertionError(timedOut.getMessage() + "; orders: " + get("/api/v1/bots/" + id + "/orders",
                        user).body() + "; journal: " + jdbc.sql("SELECT nonce, purpose, status, reason FROM"
                        + " dex_transactions WHERE bot_id = :b").param("b", UUID.fromString(id)).query().listOfRows()
                        + "; signed by the signer: " + signer.signed().size() + "; bot: "
                        + get("/api/v1/bots/" + id, user).body(), timedOut);
            }
            post("/api/v1/bots/" + id + "/stop", user, null);
            JsonNode fill = trades.get(0);
            assertThat(fill.get("side").asString()).isEqualTo("BUY");
            BigDecimal quantity = new BigDecimal(fill.get("quantity").asString());
            BigDecimal price = new BigDecimal(fill.get("price").asString());

            // the chain: exactly the WETH the fill says came in, exactly the USDC it says went out
            BigInteger wethUnits = uniswap.token(uniswap.weth()).balanceOf(key.getAddress()).subtract(wethBefore);
            BigInteger usdcUnits = usdcBefore.subtract(uniswap.token(uniswap.usdc).balanceOf(key.getAddress()));
            assertThat(new BigDecimal(wethUnits, 18)).isEqualByComparingTo(quantity);
            assertThat(price.multiply(quantity).setScale(6, RoundingMode.HALF_EVEN))
                    .isEqualByComparingTo(new BigDecimal(usdcUnits, 6));
            assertThat(new BigDecimal(usdcUnits, 6)).isBetween(new BigDecimal("99"), new BigDecimal("102"));

            // the journal holds exactly what the signer signed, in the same order, and the chain mined it
            List<Map<String, Object>> txs = jdbc.sql("""
                    SELECT hash, raw_tx, purpose, status FROM dex_transactions WHERE bot_id = :bot
                    ORDER BY nonce""").param("bot", UUID.fromString(id)).query().listOfRows();
            assertThat(txs).extracting(r -> r.get("purpose") + " " + r.get("status"))
                    .containsExactly("APPROVE CONFIRMED", "SWAP CONFIRMED");
            assertThat(txs).extracting(r -> (String) r.get("raw_tx")).containsExactlyElementsOf(signer.signed());
            assertThat(txs.get(1).get("hash")).isEqualTo(fill.get("tradeId").asString());
            for (Map<String, Object> tx : txs) {
                var mined = chain.web3j().ethGetTransactionByHash((String) tx.get("hash")).send().getTransaction()
                        .orElseThrow();
                assertThat(mined.getFrom()).isEqualToIgnoringCase(key.getAddress());
            }
        }
    }

    @Test
    void aSignerThatLiesGetsTheOrderRejectedAndNothingIsBroadcastThenAnHonestOneFillsAtTheSameNonce() throws Exception {
        Session user = newUser();
        Credentials key = freshWallet();
        uniswap.fund(uniswap.wallet(key), BigInteger.ZERO, USDC_UNIT.multiply(BigInteger.valueOf(1_000)));
        try (FakeWeb3Signer signer = FakeWeb3Signer.start(chain.chainId(), key)) {
            String walletKeyId = storeSigner(user, signer, key);
            UUID botId = createBot(user, walletKeyId, "liar's wallet");
            BigInteger minedBefore = minedCount(key);

            signer.behave(FakeWeb3Signer.Behaviour.SIGNS_OTHER_FIELDS);
            List<OrderEvent> events = new ArrayList<>();
            DexLivePort port = port(user.id(), botId, walletKeyId, events);
            port.submit(order(botId, "lied-1"));
            assertThat(rejection(events, "lied-1")).isEqualTo("the swap failed on local: the external signer at "
                    + signer.url() + " returned another transaction than was asked, so it was not sent: its to is "
                    + key.getAddress().substring(2).toLowerCase() + " instead of " + uniswap.usdc.substring(2)
                    .toLowerCase());
            assertThat(signer.signed()).hasSize(1);  // the approval it signed wrong
            assertThat(journaled(botId)).isZero();
            assertThat(minedCount(key)).isEqualTo(minedBefore);

            // the refused signature took no nonce: an honest signer fills the next order from the same nonce on
            signer.behave(FakeWeb3Signer.Behaviour.HONEST);
            port.submit(order(botId, "honest-2"));
            assertThat(events).filteredOn(e -> e instanceof OrderEvent.OrderFilled).hasSize(1);
            List<BigInteger> nonces = jdbc.sql("SELECT nonce FROM dex_transactions WHERE bot_id = :b ORDER BY nonce")
                    .param("b", botId).query((rs, n) -> rs.getBigDecimal(1).toBigIntegerExact()).list();
            assertThat(nonces).containsExactly(minedBefore, minedBefore.add(BigInteger.ONE));
            assertThat(minedCount(key)).isEqualTo(minedBefore.add(BigInteger.TWO));
            assertThat(signer.signed().subList(1, 3)).containsExactlyElementsOf(jdbc.sql(
                    "SELECT raw_tx FROM dex_transactions WHERE bot_id = :b ORDER BY nonce").param("b", botId)
                    .query(String.class).list());
        }
    }

    @Test
    void aSignerThatIsDownGetsTheOrderRejectedWithThePlainReasonAndNothingIsBroadcast() throws Exception {
        Session user = newUser();
        Credentials key = freshWallet();
        uniswap.fund(uniswap.wallet(key), BigInteger.ZERO, USDC_UNIT.multiply(BigInteger.valueOf(1_000)));
        FakeWeb3Signer signer = FakeWeb3Signer.start(chain.chainId(), key);
        String walletKeyId = storeSigner(user, signer, key);
        UUID botId = createBot(user, walletKeyId, "signer down");
        BigInteger minedBefore = minedCount(key);
        signer.close();

        List<OrderEvent> events = new ArrayList<>();
        port(user.id(), botId, walletKeyId, events).submit(order(botId, "down-1"));
        assertThat(rejection(events, "down-1")).isEqualTo("the swap failed on local: the external signer at "
                + signer.url() + " does not answer (ConnectException)");
        assertThat(journaled(botId)).isZero();
        assertThat(minedCount(key)).isEqualTo(minedBefore);
    }

    /**
     * A wallet no other test class has used: the journal is per chain id and address, and the H2 database and chain id
     * 1337 are shared with the other DEX test classes in the same JVM, whose journaled nonces would otherwise count.
     */
    @Test
    void theWalletScreensRevokeSignsThroughTheExternalSignerAndTheAllowanceOnChainIsZero() throws Exception {
        Session user = newUser();
        Credentials key = freshWallet();
        String router = uniswap.contracts.v2Router();
        // an approval the wallet made elsewhere (signed with the key directly, as another app would)
        chain.mine();
        BigInteger firstBlock = uniswap.wallet(key).send(uniswap.usdc, dev.botfleet.dex.chain.Erc20.approve(router,
                USDC_UNIT.multiply(BigInteger.valueOf(500))), BigInteger.ZERO).getBlockNumber();
        try (FakeWeb3Signer signer = FakeWeb3Signer.start(chain.chainId(), key)) {
            String walletKeyId = storeSigner(user, signer, key);
            createBot(user, walletKeyId, "usdc market");   // the wallet screen lists the tokens of the user's markets
            JsonNode approvals = get("/api/v1/dex/wallets/" + walletKeyId + "?network=local", user).body().get("approvals");
            assertThat(approvals.findValuesAsString("spender")).contains(router.toLowerCase(java.util.Locale.ROOT));
            // the approval scan starts at the wallet's first transaction, found once and kept (not at block 0)
            assertThat(jdbc.sql("SELECT from_block FROM dex_wallet_scan_starts WHERE wallet_key_id = :k")
                    .param("k", UUID.fromString(walletKeyId)).query(Long.class).single()).isEqualTo(firstBlock.longValueExact());

            // a signer that refuses: a plain problem naming the signer, nothing journaled, the allowance kept
            signer.behave(FakeWeb3Signer.Behaviour.REFUSES);
            Answer refused = post("/api/v1/dex/wallets/" + walletKeyId + "/revoke", user,
                    Map.of("network", "local", "token", uniswap.usdc, "spender", router));
            assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(502);
            assertThat(refused.body().get("detail").asString()).contains("refused to sign");
            assertThat(uniswap.token(uniswap.usdc).allowance(key.getAddress(), router))
                    .isEqualTo(USDC_UNIT.multiply(BigInteger.valueOf(500)));
            assertThat(revokes(key)).isEmpty();

            signer.behave(FakeWeb3Signer.Behaviour.HONEST);
            BigInteger before = minedCount(key);
            Answer revoked = post("/api/v1/dex/wallets/" + walletKeyId + "/revoke", user,
                    Map.of("network", "local", "token", uniswap.usdc, "spender", router));
            assertThat(revoked.status()).as(String.valueOf(revoked.body())).isEqualTo(200);
            assertThat(uniswap.token(uniswap.usdc).allowance(key.getAddress(), router)).isZero();
            // the signer was asked, and what it signed is exactly what was journaled and mined, from the wallet
            assertThat(signer.signed()).hasSize(1);
            List<Map<String, Object>> journaled = revokes(key);
            assertThat(journaled).singleElement().satisfies(r -> {
                assertThat(r.get("raw_tx")).isEqualTo(signer.signed().getFirst());
                assertThat(r.get("hash")).isEqualTo(revoked.body().get("hash").asString());
                assertThat(r.get("status")).isEqualTo("CONFIRMED");
            });
            var mined = chain.web3j().ethGetTransactionByHash(revoked.body().get("hash").asString()).send()
                    .getTransaction().orElseThrow();
            assertThat(mined.getFrom()).isEqualToIgnoringCase(key.getAddress());
            assertThat(minedCount(key)).isEqualTo(before.add(BigInteger.ONE));
            assertThat(get("/api/v1/dex/wallets/" + walletKeyId + "?network=local", user).body().get("approvals")
                    .findValuesAsString("spender")).doesNotContain(router.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private List<Map<String, Object>> revokes(Credentials key) {
        return jdbc.sql("SELECT hash, raw_tx, status FROM dex_transactions WHERE purpose = 'REVOKE' AND"
                + " LOWER(wallet) = :w").param("w", key.getAddress().toLowerCase(java.util.Locale.ROOT)).query().listOfRows();
    }

    private static Credentials freshWallet() throws Exception {
        Credentials key = Credentials.create(Keys.createEcKeyPair());
        chain.rpc("evm_setAccountBalance", key.getAddress(), Numeric.encodeQuantity(ETHER.multiply(BigInteger.TEN)));
        return key;
    }

    private DexLivePort port(UUID owner, UUID botId, String walletKeyId, List<OrderEvent> events) {
        DexNetworks.Configured network = networks.find("local").orElseThrow();
        DexMarket market = markets.find("dex:local", "WETH/USDC").orElseThrow();
        DexWalletStack stack = liveBots.stack(network, liveBots.signer(owner, UUID.fromString(walletKeyId), "test"),
                new JdbcTxJournal.Origin(owner, botId, null, JdbcTxJournal.Purpose.OTHER), null);
        return new DexLivePort(market, network.contracts, new PinnedQuotes(network.connection().web3j(),
                network.contracts), network.connection().reader(), stack, owner, botId, 100, () -> null,
                DexBuyChecks.NONE, Clock.systemUTC(), events::add);
    }

    private static String rejection(List<OrderEvent> events, String clientOrderId) {
        return events.stream().filter(e -> e instanceof OrderEvent.OrderRejected r
                        && r.clientOrderId().equals(clientOrderId)).map(e -> ((OrderEvent.OrderRejected) e).reason())
                .findFirst().orElseThrow(() -> new AssertionError("no rejection of " + clientOrderId + ": " + events));
    }

    private long journaled(UUID botId) {
        return jdbc.sql("SELECT COUNT(*) FROM dex_transactions WHERE bot_id = :b").param("b", botId)
                .query(Long.class).single();
    }

    private String storeSigner(Session user, FakeWeb3Signer signer, Credentials key) {
        Answer stored = post("/api/v1/wallet-keys", user, Map.of("signerUrl", signer.url().toString(),
                "address", key.getAddress()));
        assertThat(stored.status()).as(String.valueOf(stored.body())).isEqualTo(201);
        assertThat(stored.body().get("kind").asString()).isEqualTo("EXTERNAL_SIGNER");
        return stored.body().get("id").asString();
    }

    private UUID createBot(Session user, String walletKeyId, String name) {
        Answer created = post("/api/v1/dex/bots", user, dexBot(name, walletKeyId));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return UUID.fromString(created.body().get("bot").get("id").asString());
    }

    private static OrderSnapshot order(UUID botId, String clientOrderId) {
        Instant now = Instant.now();
        return new OrderSnapshot(botId.toString(), clientOrderId, null, "dex:local", "WETH/USDC", OrderSide.BUY,
                OrderType.MARKET, TimeInForce.GTC, null, new BigDecimal("0.01"), OrderStatus.SUBMITTED,
                BigDecimal.ZERO, null, Map.of(), BigDecimal.ZERO, null, null, false, now, now);
    }

    private static BigInteger minedCount(Credentials key) throws Exception {
        return chain.web3j().ethGetTransactionCount(key.getAddress(), DefaultBlockParameterName.LATEST).send()
                .getTransactionCount();
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
                "mode", "LIVE", "walletKeyId", walletKeyId));
        body.put("config", config);
        return body;
    }
}

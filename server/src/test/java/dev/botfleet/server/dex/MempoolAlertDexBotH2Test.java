package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.mempool.PendingSender;
import dev.botfleet.dex.uniswap.LocalUniswap;
import dev.botfleet.dex.uniswap.UniswapPools;
import dev.botfleet.engine.market.Tick;
import dev.botfleet.engine.runtime.MarketDataHub;
import dev.botfleet.server.runtime.RuntimeTestBase;
import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;
import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pending liquidity removal reaches a running DEX bot's strategy (Strategy.onMarketAlert, through its mailbox) on a
 * real local chain: a simple-dca bot with {@code exitOnLiquidityPullPercent} holds WETH, the pool's liquidity provider
 * (another wallet) sends removeLiquidity of half the pool while the miner is stopped, and the bot sells its whole
 * position before that removal is mined — a paper sell quoted by the pool at the block before it, close reason
 * MARKET_ALERT. A bot without the option keeps its position.
 */
@OnH2
class MempoolAlertDexBotH2Test extends RuntimeTestBase {
    private static LocalChain chain;
    private static LocalUniswap uniswap;

    @Autowired
    MarketDataHub hub;
    @Autowired
    JdbcClient jdbc;

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

    @AfterEach
    void mineWhatIsLeft() {
        chain.startMining();
        chain.mine();
    }

    @Test
    void aPendingRemovalOfHalfThePoolMakesTheBotSellItsPositionBeforeItIsMined() throws Exception {
        Session user = newUser();
        String leaving = startedDexBot(user, "leaves on a pull", "20");
        String staying = startedDexBot(user, "no alert exit", "0");
        // a price (as from the pool feed): both bots buy their first 100 USDC of WETH at the pool's quote
        hub.publish(new Tick("dex:local", "WETH/USDC", clock.millis(), 2000.0, 0));
        BigDecimal bought = new BigDecimal(await("the leaving bot's buy", () -> get("/api/v1/bots/" + leaving
                + "/trades", user).body(), t -> t.size() >= 1).get(0).get("quantity").asString());
        await("the other bot's buy", () -> get("/api/v1/bots/" + staying + "/trades", user).body(), t -> t.size() >= 1);
        assertThat(bought).isPositive();

        String pair = new UniswapPools(uniswap.reader, uniswap.contracts).v2Pair(uniswap.weth(), uniswap.usdc).orElseThrow();
        String provider = chain.account0().getAddress();   // the deployer added the pool's liquidity
        uniswap.wallet(chain.account0()).send(pair, Erc20.approve(uniswap.contracts.v2Router(), ETHER.multiply(ETHER)),
                BigInteger.ZERO);
        chain.stopMining();
        BigInteger blockBefore = uniswap.reader.blockNumber();
        BigInteger half = uniswap.token(pair).balanceOf(provider).divide(BigInteger.TWO);
        String hash = PendingSender.send(chain, chain.account0(), uniswap.contracts.v2Router(), Abi.call(
                "removeLiquidity(address,address,uint256,uint256,uint256,address,uint256)", addr(uniswap.weth()),
                addr(uniswap.usdc), u256(half), u256(0), u256(0), addr(provider),
                u256(Instant.now().plusSeconds(600).getEpochSecond())), BigInteger.ZERO);

        JsonNode trades = await("the bot's sell", () -> get("/api/v1/bots/" + leaving + "/trades", user).body(),
                t -> t.size() >= 2);
        JsonNode sell = trades.get(0).get("side").asString().equals("SELL") ? trades.get(0) : trades.get(1);
        assertThat(sell.get("side").asString()).isEqualTo("SELL");
        assertThat(new BigDecimal(sell.get("quantity").asString())).isEqualByComparingTo(bought);
        // quoted by the pool before the removal: nothing was mined meanwhile, the removal is still pending
        assertThat(sell.get("tradeId").asString()).startsWith("dex-" + blockBefore + "-");
        assertThat(uniswap.reader.blockNumber()).isEqualTo(blockBefore);
        assertThat(chain.web3j().ethGetTransactionByHash(hash).send().getTransaction().orElseThrow().getBlockHash())
                .isNull();
        assertThat(closeReasons(leaving)).containsExactly("MARKET_ALERT");
        JsonNode lines = get("/api/v1/logs?botId=" + leaving + "&size=100", user).body().get("items");
        assertThat(lines.findValuesAsString("message")).anySatisfy(m -> assertThat(m).startsWith(
                "Market alert: pending removal of 50 % of the V2 pool's liquidity (" + hash + "); selling the position"));

        // the bot without the option saw the same removal (its mempool list) and kept its WETH
        await("the other bot's mempool list", () -> get("/api/v1/bots/" + staying + "/mempool", user).body(),
                l -> l.size() >= 1);
        assertThat(get("/api/v1/bots/" + staying + "/trades", user).body().size()).isEqualTo(1);
        assertThat(closeReasons(staying)).isEmpty();
        assertThat(get("/api/v1/bots/" + leaving, user).body().get("status").asString()).isEqualTo("ACTIVE");
    }

    private java.util.List<String> closeReasons(String botId) {
        return jdbc.sql("SELECT close_reason FROM deals WHERE bot_id = :bot").param("bot", UUID.fromString(botId))
                .query(String.class).list();
    }

    private String startedDexBot(Session user, String name, String exitOnPull) {
        Map<String, Object> config = new HashMap<>(Map.of("intervalMinutes", 60, "orderAmount", "100",
                "maxPositionAmount", "1000", "takeProfitPercent", "0", "exitOnLiquidityPullPercent", exitOnPull));
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "network", "local", "baseToken", uniswap.weth(),
                "quoteToken", uniswap.usdc, "strategy", "simple-dca", "slippageBps", 500, "intelLevel", 5));
        body.put("config", config);
        Answer created = post("/api/v1/dex/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("bot").get("id").asString();
        start(user, id);
        return id;
    }
}

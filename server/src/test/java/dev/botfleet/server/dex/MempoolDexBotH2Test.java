package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.chain.TransactionSender;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;
import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paper DEX bot's mempool watch on a real local chain with the miner stopped: a competitor's pending swap reaches the
 * bot's recent list and activity log with its exact amounts; a pending removal of half the pool's liquidity makes the
 * bot refuse its buy (the order REJECTED with the reason) while the bot keeps running.
 */
@OnH2
class MempoolDexBotH2Test extends RuntimeTestBase {
    private static LocalChain chain;
    private static LocalUniswap uniswap;

    @Autowired
    MarketDataHub hub;

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
    void aCompetingSwapReachesTheBotsMempoolListAndActivityLogWithItsExactAmounts() {
        Session user = newUser();
        String id = startedDexBot(user, "watcher");
        TransactionSender competitor = uniswap.wallet(chain.accounts().get(5));
        uniswap.fund(competitor, ETHER.multiply(BigInteger.TEN), BigInteger.ZERO);
        competitor.send(uniswap.weth(), Erc20.approve(uniswap.contracts.v2Router(), ETHER.multiply(BigInteger.TEN)),
                BigInteger.ZERO);
        String pair = new UniswapPools(uniswap.reader, uniswap.contracts).v2Pair(uniswap.weth(), uniswap.usdc).orElseThrow();

        chain.stopMining();
        BigInteger reserve = uniswap.token(uniswap.weth()).balanceOf(pair);
        String hash = PendingSender.send(chain, chain.accounts().get(5), uniswap.contracts.v2Router(), Abi.call(
                "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", u256(ETHER.multiply(BigInteger.TEN)),
                u256(1_000_000), new DynamicArray<>(Address.class, addr(uniswap.weth()), addr(uniswap.usdc)),
                addr(competitor.address()), u256(Instant.now().plusSeconds(600).getEpochSecond())), BigInteger.ZERO);

        JsonNode seen = await("the pending swap in the bot's mempool list",
                () -> get("/api/v1/bots/" + id + "/mempool", user).body(), list -> list.size() >= 1).get(0);
        assertThat(seen.get("txHash").asString()).isEqualTo(hash);
        assertThat(seen.get("kind").asString()).isEqualTo("SWAP");
        assertThat(seen.get("pool").asString()).isEqualTo("V2");
        assertThat(seen.get("poolAddress").asString()).isEqualToIgnoringCase(pair);
        assertThat(seen.get("tokenIn").asString()).isEqualTo("WETH");
        assertThat(seen.get("tokenOut").asString()).isEqualTo("USDC");
        assertThat(seen.get("exactIn").asBoolean()).isTrue();
        assertThat(seen.get("amountToken").asString()).isEqualTo("WETH");
        assertThat(seen.get("amount").asString()).isEqualTo("10");
        assertThat(seen.get("limit").asString()).isEqualTo("1");  // 1,000,000 USDC units
        assertThat(new BigDecimal(seen.get("share").asString())).isEqualTo(new BigDecimal(ETHER.multiply(BigInteger.TEN))
                .divide(new BigDecimal(reserve), 8, RoundingMode.HALF_EVEN));
        assertThat(seen.get("large").asBoolean()).isTrue();
        JsonNode line = await("the activity line", () -> logs(user, id), l -> l.size() >= 1 && contains(l, "Mempool: "));
        assertThat(texts(line)).anySatisfy(t -> assertThat(t)
                .startsWith("Mempool: pending swap 10 WETH in for USDC on the V2 pool (")
                .contains(" % of its WETH), tx " + hash.substring(0, 10)));
        // another user's bot: not found, not an empty list
        assertThat(get("/api/v1/bots/" + id + "/mempool", newUser()).status()).isEqualTo(404);

        // once mined, the swap is the market's first price and the bot buys as usual
        chain.startMining();
        chain.mine();
        await("the bot's fill", () -> get("/api/v1/bots/" + id + "/trades", user).body(), t -> t.size() >= 1);
    }

    @Test
    void whileAPendingTransactionPullsHalfThePoolsLiquidityTheBotRefusesToBuyAndKeepsRunning() {
        Session user = newUser();
        String id = startedDexBot(user, "careful");
        String pair = new UniswapPools(uniswap.reader, uniswap.contracts).v2Pair(uniswap.weth(), uniswap.usdc).orElseThrow();
        String owner = chain.account0().getAddress();
        uniswap.wallet(chain.account0()).send(pair, Erc20.approve(uniswap.contracts.v2Router(), ETHER.multiply(ETHER)),
                BigInteger.ZERO);

        chain.stopMining();
        BigInteger half = uniswap.token(pair).balanceOf(owner).divide(BigInteger.TWO);
        String hash = PendingSender.send(chain, chain.account0(), uniswap.contracts.v2Router(), Abi.call(
                "removeLiquidity(address,address,uint256,uint256,uint256,address,uint256)", addr(uniswap.weth()),
                addr(uniswap.usdc), u256(half), u256(0), u256(0), addr(owner),
                u256(Instant.now().plusSeconds(600).getEpochSecond())), BigInteger.ZERO);
        JsonNode removal = await("the pending removal", () -> get("/api/v1/bots/" + id + "/mempool", user).body(),
                list -> list.size() >= 1).get(0);
        assertThat(removal.get("kind").asString()).isEqualTo("LIQUIDITY_REMOVAL");
        assertThat(new BigDecimal(removal.get("share").asString())).isBetween(new BigDecimal("0.49"), new BigDecimal("0.5"));
        await("the warning line", () -> logs(user, id), l -> contains(l, "Mempool: pending removal of 50 % of the V2 pool's liquidity, tx " + hash.substring(0, 10)));

        // (half the LP supply less the 1,000 units the pair locks forever: 0.5 at 8 decimals)
        assertThat(removal.get("share").asString()).isEqualTo("0.50000000");
        // a price arrives (as from the pool feed) and the strategy buys: refused while the removal is pending
        hub.publish(new Tick("dex:local", "WETH/USDC", clock.millis(), 2000.0, 0));
        JsonNode orders = await("the refused buy", () -> get("/api/v1/bots/" + id + "/orders", user).body(),
                o -> o.size() >= 1 && o.get(0).get("status").asString().equals("REJECTED"));
        assertThat(orders.get(0).get("side").asString()).isEqualTo("BUY");
        assertThat(orders.get(0).get("reason").asString())
                .startsWith("not buying while liquidity is being pulled: a pending transaction (" + hash + ") removes 50 % of the V2 pool's liquidity (the limit is 10 %)");
        assertThat(get("/api/v1/bots/" + id + "/trades", user).body()).isEmpty();
        assertThat(texts(logs(user, id))).anySatisfy(t -> assertThat(t).contains("not buying while liquidity is being pulled"));
        assertThat(get("/api/v1/bots/" + id, user).body().get("status").asString()).isEqualTo("ACTIVE");
    }

    private String startedDexBot(Session user, String name) {
        Map<String, Object> config = new HashMap<>(Map.of("intervalMinutes", 60, "orderAmount", "100",
                "maxPositionAmount", "1000", "takeProfitPercent", "0"));
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "network", "local", "baseToken", uniswap.weth(),
                "quoteToken", uniswap.usdc, "strategy", "simple-dca", "slippageBps", 500, "intelLevel", 5));
        body.put("config", config);
        Answer created = post("/api/v1/dex/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("bot").get("id").asString();
        start(user, id);
        return id;
    }

    private JsonNode logs(Session user, String botId) {
        return get("/api/v1/logs?botId=" + botId + "&size=100", user).body().get("items");
    }

    private static boolean contains(JsonNode lines, String text) {
        return texts(lines).stream().anyMatch(t -> t.contains(text));
    }

    private static java.util.List<String> texts(JsonNode lines) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode l : lines) out.add(l.get("message").asString());
        return out;
    }
}

package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.mempool.PendingSender;
import dev.botfleet.dex.risk.LocalRiskTokens;
import dev.botfleet.dex.uniswap.LocalUniswap;
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

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;
import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MEMPOOL factor of a token's risk score for a bot's market, on a real local chain: a pending sell of 5 % of the
 * CLEAN pool's CLEAN (the miner stopped) adds 15 points to the report asked for the bot and to the bot's own buy
 * check, so a level-5 bot that buys CLEAN on a quiet pool (score 35, at most 45) refuses while the sell is pending.
 */
@OnH2
class MempoolRiskDexBotH2Test extends RuntimeTestBase {
    private static LocalChain chain;
    private static LocalUniswap uniswap;
    private static LocalRiskTokens tokens;

    @Autowired
    MarketDataHub hub;

    @DynamicPropertySource
    static void localNetwork(DynamicPropertyRegistry registry) {
        if (chain == null) {
            chain = LocalChain.start();
            uniswap = LocalUniswap.deploy(chain);
            tokens = LocalRiskTokens.deploy(uniswap);
        }
        LocalDexNetwork.register(registry, "local", chain, uniswap);
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) chain.close();
        chain = null;
        uniswap = null;
        tokens = null;
    }

    @AfterEach
    void mineWhatIsLeft() {
        chain.startMining();
        chain.mine();
    }

    @Test
    void aPendingSellOfTheTokenRaisesTheBotsRiskScoreAndItsLevelRefusesTheBuy() {
        Session user = newUser();
        String id = create(user);
        start(user, id);
        String path = "/api/v1/dex/local/tokens/" + tokens.clean + "/risk?size=0.1&level=5&quoteToken=" + uniswap.weth()
                + "&bot=" + id;
        JsonNode quiet = get(path, user).body();
        JsonNode quietMempool = factor(quiet, "MEMPOOL");
        assertThat(quietMempool.get("verdict").asString()).isEqualTo("PASS");
        assertThat(quietMempool.get("value").asString()).isEqualTo("nothing pending");
        int chainScore = quiet.get("score").asInt();
        assertThat(quiet.get("level").get("buys").asBoolean()).as("CLEAN alone is within level 5").isTrue();

        // the deployer (holding most of CLEAN) sells 50,000 CLEAN, 5 % of the pool's 1,000,000: pending
        BigInteger amount = ETHER.multiply(BigInteger.valueOf(50_000));
        uniswap.wallet(chain.account0()).send(tokens.clean, Erc20.approve(uniswap.contracts.v2Router(), amount),
                BigInteger.ZERO);
        chain.stopMining();
        String hash = PendingSender.send(chain, chain.account0(), uniswap.contracts.v2Router(), Abi.call(
                "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", u256(amount), u256(0),
                new DynamicArray<>(Address.class, addr(tokens.clean), addr(uniswap.weth())),
                addr(chain.account0().getAddress()), u256(Instant.now().plusSeconds(600).getEpochSecond())),
                BigInteger.ZERO);
        await("the pending sell in the bot's list", () -> get("/api/v1/bots/" + id + "/mempool", user).body(),
                l -> l.size() >= 1 && l.get(0).get("txHash").asString().equals(hash));

        JsonNode busy = get(path, user).body();
        JsonNode mempool = factor(busy, "MEMPOOL");
        assertThat(mempool.get("verdict").asString()).isEqualTo("WARN");
        assertThat(mempool.get("penalty").asInt()).isEqualTo(15);
        assertThat(mempool.get("value").asString()).isEqualTo("1 sell 5 % of reserves");
        assertThat(busy.get("score").asInt()).isEqualTo(chainScore + 15);
        assertThat(busy.get("level").get("failing").toString()).contains("MEMPOOL");
        // the same token without the bot: the chain's factors only
        JsonNode plain = get("/api/v1/dex/local/tokens/" + tokens.clean + "/risk?size=0.1&level=5&quoteToken="
                + uniswap.weth(), user).body();
        assertThat(plain.get("score").asInt()).isEqualTo(chainScore);
        assertThat(plain.get("factors").findValuesAsString("check")).doesNotContain("MEMPOOL");

        // the bot's buy on the next price is refused by its level, naming the factor
        hub.publish(new Tick("dex:local", "CLEAN/WETH", clock.millis(), 0.00001, 0));
        JsonNode orders = await("the refused buy", () -> get("/api/v1/bots/" + id + "/orders", user).body(),
                o -> o.size() >= 1 && o.get(0).get("status").asString().equals("REJECTED"));
        // (the stored reason is cut at its column's length before the MEMPOOL factor, listed last; the score has it)
        assertThat(orders.get(0).get("reason").asString()).startsWith("CLEAN risk score " + (chainScore + 15) + " at block ")
                .contains("fails intelligence level 5");
        assertThat(get("/api/v1/bots/" + id + "/trades", user).body()).isEmpty();

        // once mined the sell is no longer pending: the factor passes again
        chain.startMining();
        chain.mine();
        JsonNode after = await("the factor after the block", () -> get(path, user).body(),
                r -> factor(r, "MEMPOOL").get("verdict").asString().equals("PASS"));
        assertThat(factor(after, "MEMPOOL").get("penalty").asInt()).isZero();
    }

    @Test
    void theBotMustBeTheCallersDexBotTradingTheToken() {
        Session user = newUser();
        String id = create(user);
        String base = "/api/v1/dex/local/tokens/";
        assertThat(get(base + tokens.clean + "/risk?bot=nope", user).errorFields()).containsExactly("bot");
        assertThat(get(base + tokens.clean + "/risk?bot=" + id, newUser()).errorFields()).containsExactly("bot");
        assertThat(get(base + tokens.tax + "/risk?bot=" + id, user).errorFields()).containsExactly("bot");
        // a stopped bot's pools are not watched: the factor says so, adding nothing
        JsonNode stopped = get(base + tokens.clean + "/risk?quoteToken=" + uniswap.weth() + "&bot=" + id, user).body();
        assertThat(factor(stopped, "MEMPOOL").get("verdict").asString()).isEqualTo("UNKNOWN");
        assertThat(factor(stopped, "MEMPOOL").get("penalty").asInt()).isZero();
    }

    private static JsonNode factor(JsonNode report, String check) {
        for (JsonNode f : report.get("factors")) if (f.get("check").asString().equals(check)) return f;
        throw new AssertionError("no " + check + " factor in " + report);
    }

    private String create(Session user) {
        Map<String, Object> config = new HashMap<>(Map.of("intervalMinutes", 60, "orderAmount", "0.1",
                "maxPositionAmount", "1", "takeProfitPercent", "0"));
        Map<String, Object> body = new HashMap<>(Map.of("name", "clean buyer", "network", "local",
                "baseToken", tokens.clean, "quoteToken", uniswap.weth(), "strategy", "simple-dca", "intelLevel", 5));
        body.put("config", config);
        Answer created = post("/api/v1/dex/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("bot").get("id").asString();
    }
}

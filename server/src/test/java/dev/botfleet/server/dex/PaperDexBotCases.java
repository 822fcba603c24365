package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.ChainReader;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.chain.TransactionSender;
import dev.botfleet.dex.uniswap.Approval;
import dev.botfleet.dex.uniswap.LocalUniswap;
import dev.botfleet.dex.uniswap.SwapTerms;
import dev.botfleet.dex.uniswap.UniswapQuoter;
import dev.botfleet.dex.uniswap.UniswapSwapper;
import dev.botfleet.server.runtime.RuntimeTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;
import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paper DEX bot on a real local chain (ganache + the real Uniswap contracts): created through the API with its token
 * symbols looked up on chain, started, it buys after another account's swap moves the pool's price, and the fill is
 * exactly what the Uniswap contracts answer by eth_call at the fill's block, gas included as a fee in the quote token.
 * One chain per database variant (its Spring context is configured with that chain's addresses).
 */
public abstract class PaperDexBotCases extends RuntimeTestBase {
    private static LocalChain chain;
    private static LocalUniswap uniswap;

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
        chain = null;  // the other database's variant starts its own chain with its own context
        uniswap = null;
    }

    @Test
    void aPaperDexBotBuysAfterACompetingSwapAtExactlyThePoolsQuoteAtThatBlock() {
        Session user = newUser();
        Answer token = get("/api/v1/dex/tokens?network=local&address=" + uniswap.usdc, user);
        assertThat(token.status()).as(String.valueOf(token.body())).isEqualTo(200);
        assertThat(token.body().get("symbol").asString()).isEqualTo("USDC");
        assertThat(token.body().get("decimals").asInt()).isEqualTo(6);

        Answer created = post("/api/v1/dex/bots", user, dexBot("dip buyer", uniswap.weth(), uniswap.usdc, 7));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        JsonNode bot = created.body().get("bot");
        assertThat(bot.get("exchange").asString()).isEqualTo("dex:local");
        assertThat(bot.get("symbol").asString()).isEqualTo("WETH/USDC");
        assertThat(created.body().get("intelLevel").asInt()).isEqualTo(7);
        String id = bot.get("id").asString();
        start(user, id);
        JsonNode sessions = get("/api/v1/bots/" + id + "/sessions", user).body();
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get("intelLevel").asInt()).isEqualTo(7);
        assertThat(sessions.get(0).get("endedAt").isNull()).isTrue();
        assertThat(get("/api/v1/bots/" + id + "/trades", user).body()).isEmpty();

        // Another account sells 5 WETH on the V2 pool: a real transaction, whose Swap event is the market's first price.
        TransactionSender competitor = uniswap.wallet(chain.accounts().get(5));
        uniswap.fund(competitor, ETHER.multiply(BigInteger.valueOf(5)), BigInteger.ZERO);
        UniswapQuoter quoter = new UniswapQuoter(uniswap.reader, uniswap.contracts);
        new UniswapSwapper(uniswap.reader, uniswap.contracts).swap(competitor,
                quoter.quoteV2(uniswap.weth(), uniswap.usdc, ETHER.multiply(BigInteger.valueOf(5))).orElseThrow(),
                new SwapTerms(50, Instant.now().plusSeconds(600)), Approval.exact());

        JsonNode trades = await("the bot's first fill", () -> get("/api/v1/bots/" + id + "/trades", user).body(),
                t -> t.size() >= 1);
        JsonNode fill = trades.get(0);
        assertThat(fill.get("side").asString()).isEqualTo("BUY");
        BigDecimal quantity = new BigDecimal(fill.get("quantity").asString());
        BigDecimal price = new BigDecimal(fill.get("price").asString());
        BigDecimal fee = new BigDecimal(fill.get("fee").asString());
        String tradeId = fill.get("tradeId").asString();
        BigInteger block = new BigInteger(tradeId.split("-")[1]);

        // What the contracts charge for exactly that much WETH at that block, cheapest route (V2 or a V3 tier)
        BigInteger wethUnits = quantity.movePointRight(18).toBigIntegerExact();
        BigInteger usdcIn = cheapestExactOutput(wethUnits, block);
        BigDecimal paid = price.multiply(quantity).setScale(6, RoundingMode.HALF_EVEN);
        assertThat(paid).isEqualByComparingTo(new BigDecimal(usdcIn, 6));
        // simple-dca's orderAmount is 100 USDC at the last price: the fill is close to it, not an arbitrary amount
        assertThat(paid).isBetween(new BigDecimal("99"), new BigDecimal("102"));

        // gas: 150,000 (V2 gives no estimate) × the node's gas price, valued at the fill's own WETH price, rounded up
        BigInteger wei = BigInteger.valueOf(150_000).multiply(gasPrice());
        BigInteger[] feeUnits = wei.multiply(usdcIn).divideAndRemainder(wethUnits);
        BigInteger expectedFee = feeUnits[1].signum() == 0 ? feeUnits[0] : feeUnits[0].add(BigInteger.ONE);
        assertThat(fee).isEqualByComparingTo(new BigDecimal(expectedFee, 6));
        assertThat(fill.get("feeCurrency").asString()).isEqualTo("USDC");

        // the virtual wallet: 10,000 USDC − what the swap cost − gas, and exactly the WETH bought
        Map<String, BigDecimal> balances = new HashMap<>();
        for (JsonNode b : get("/api/v1/bots/" + id + "/balances", user).body()) {
            balances.put(b.get("asset").asString(), new BigDecimal(b.get("total").asString()));
        }
        assertThat(balances.get("USDC")).isEqualByComparingTo(new BigDecimal("10000")
                .subtract(new BigDecimal(usdcIn, 6)).subtract(new BigDecimal(expectedFee, 6)));
        assertThat(balances.get("WETH")).isEqualByComparingTo(quantity);

        post("/api/v1/bots/" + id + "/stop", user, null);
        JsonNode ended = await("the session's end", () -> get("/api/v1/bots/" + id + "/sessions", user).body(),
                s -> !s.get(0).get("endedAt").isNull());
        assertThat(ended.get(0).get("trades").asLong()).isEqualTo(1);
        // stopped, the wallet is rebuilt from the journal: the same figures
        Map<String, BigDecimal> rebuilt = new HashMap<>();
        for (JsonNode b : get("/api/v1/bots/" + id + "/balances", user).body()) {
            rebuilt.put(b.get("asset").asString(), new BigDecimal(b.get("total").asString()));
        }
        assertThat(rebuilt.get("USDC")).isEqualByComparingTo(balances.get("USDC"));
        assertThat(rebuilt.get("WETH")).isEqualByComparingTo(balances.get("WETH"));
        // a buy realizes nothing but its fee: the session's PnL is minus the gas
        assertThat(new BigDecimal(ended.get(0).get("pnl").asString())).isEqualByComparingTo(fee.negate());
    }

    @Test
    void aSwapFurtherFromTheLastPriceThanTheSlippageToleranceIsRejectedWithBothFigures() {
        Session user = newUser();
        // 0 bps: even the pool's 0.30 % fee is beyond the tolerance, so every buy is refused
        Map<String, Object> body = dexBot("no slippage", uniswap.weth(), uniswap.usdc, 3);
        body.put("slippageBps", 0);
        Answer created = post("/api/v1/dex/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("bot").get("id").asString();
        start(user, id);

        TransactionSender competitor = uniswap.wallet(chain.accounts().get(7));
        uniswap.fund(competitor, ETHER, BigInteger.ZERO);
        UniswapQuoter quoter = new UniswapQuoter(uniswap.reader, uniswap.contracts);
        new UniswapSwapper(uniswap.reader, uniswap.contracts).swap(competitor,
                quoter.quoteV2(uniswap.weth(), uniswap.usdc, ETHER).orElseThrow(),
                new SwapTerms(50, Instant.now().plusSeconds(600)), Approval.exact());

        JsonNode orders = await("the refused buy", () -> get("/api/v1/bots/" + id + "/orders", user).body(),
                o -> o.size() >= 1 && o.get(0).get("status").asString().equals("REJECTED"));
        assertThat(orders.get(0).get("reason").asString())
                .startsWith("price moved past the slippage tolerance of 0 bps: the pool asks ")
                .contains("the limit at the last price");
        assertThat(get("/api/v1/bots/" + id + "/trades", user).body()).isEmpty();
        for (JsonNode b : get("/api/v1/bots/" + id + "/balances", user).body()) {
            assertThat(new BigDecimal(b.get("total").asString()))
                    .isEqualByComparingTo(b.get("asset").asString().equals("USDC") ? "10000" : "0");
        }
    }

    @Test
    void badDexBotRequestsAreRefusedNamingTheirFields() {
        Session user = newUser();
        Map<String, Object> body = dexBot("bad", "0x123", uniswap.usdc, 11);
        body.put("network", "moon");
        body.put("slippageBps", 9000);
        Answer refused = post("/api/v1/dex/bots", user, body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("network", "baseToken", "slippageBps", "intelLevel");

        // an address where no ERC-20 answers: an account, not a contract
        String account = chain.accounts().get(6).getAddress();
        Answer notAToken = post("/api/v1/dex/bots", user, dexBot("bad", account, uniswap.usdc, 5));
        assertThat(notAToken.status()).isEqualTo(400);
        assertThat(notAToken.errorFields()).containsExactly("baseToken");
        assertThat(get("/api/v1/dex/tokens?network=local&address=nope", user).errorFields()).containsExactly("address");
    }

    private static Map<String, Object> dexBot(String name, String base, String quote, int intelLevel) {
        Map<String, Object> config = new HashMap<>(Map.of("intervalMinutes", 60, "orderAmount", "100",
                "maxPositionAmount", "1000", "takeProfitPercent", "0"));
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "network", "local", "baseToken", base,
                "quoteToken", quote, "strategy", "simple-dca", "slippageBps", 100, "intelLevel", intelLevel));
        body.put("config", config);
        return body;
    }

    /** USDC in for exactly {@code wethOut}, asked of each route's contract at the block; the least. */
    private static BigInteger cheapestExactOutput(BigInteger wethOut, BigInteger block) {
        List<BigInteger> costs = new ArrayList<>();
        String v2 = call(uniswap.contracts.v2Router(), Abi.call("getAmountsIn(uint256,address[])", u256(wethOut),
                new DynamicArray<>(org.web3j.abi.datatypes.Address.class, addr(uniswap.usdc), addr(uniswap.weth()))),
                block);
        @SuppressWarnings("unchecked")
        List<Uint256> amounts = (List<Uint256>) Abi.decode(v2, new TypeReference<DynamicArray<Uint256>>() {})
                .getFirst().getValue();
        costs.add(amounts.getFirst().getValue());
        for (int fee : List.of(500, 3000)) {
            String v3 = call(uniswap.contracts.v3Quoter(), Abi.call(
                    "quoteExactOutputSingle((address,address,uint256,uint24,uint160))", addr(uniswap.usdc),
                    addr(uniswap.weth()), u256(wethOut), new Uint24(fee), new Uint160(0)), block);
            costs.add(Abi.uint(Abi.decode(v3, new TypeReference<Uint256>() {}, new TypeReference<Uint160>() {},
                    new TypeReference<Uint32>() {}, new TypeReference<Uint256>() {}).getFirst()));
        }
        return costs.stream().min(BigInteger::compareTo).orElseThrow();
    }

    private static String call(String to, String data, BigInteger block) {
        try {
            return chain.web3j().ethCall(Transaction.createEthCallTransaction(ChainReader.NOBODY, to, data),
                    DefaultBlockParameter.valueOf(block)).send().getValue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BigInteger gasPrice() {
        try {
            return chain.web3j().ethGasPrice().send().getGasPrice();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

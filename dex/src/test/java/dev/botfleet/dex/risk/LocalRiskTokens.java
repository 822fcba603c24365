package dev.botfleet.dex.risk;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.Artifacts;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.TransactionSender;
import dev.botfleet.dex.uniswap.LocalUniswap;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;
import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;

/**
 * Three tokens for the risk score on a {@link LocalUniswap} chain, each with a V2 pool against WETH of
 * {@link #POOL_WETH} + {@link #POOL_TOKENS}, deployed by account 0 (which keeps the rest of each supply):
 * <ul>
 *   <li>{@code HONEY}: a {@code RiskToken} whose sells revert for everyone but its owner (a honeypot);</li>
 *   <li>{@code TAX}: a {@code RiskToken} taking {@link #BUY_TAX_BPS} of every buy and {@link #SELL_TAX_BPS} of every
 *       sell;</li>
 *   <li>{@code CLEAN}: a {@code FixedSupplyToken}, no owner functions, no taxes.</li>
 * </ul>
 */
public final class LocalRiskTokens {
    public static final BigInteger SUPPLY = ETHER.multiply(BigInteger.valueOf(10_000_000));
    public static final BigInteger POOL_WETH = ETHER.multiply(BigInteger.TEN);
    public static final BigInteger POOL_TOKENS = ETHER.multiply(BigInteger.valueOf(1_000_000));
    public static final int BUY_TAX_BPS = 500;
    public static final int SELL_TAX_BPS = 1200;

    public final String honey;
    public final String tax;
    public final String clean;

    private LocalRiskTokens(String honey, String tax, String clean) {
        this.honey = honey;
        this.tax = tax;
        this.clean = clean;
    }

    public static LocalRiskTokens deploy(LocalUniswap uniswap) {
        TransactionSender d = uniswap.wallet(uniswap.chain.account0());
        String honey = riskToken(uniswap, d, "Honeypot (test)", "HONEY", 0, 0, true);
        String tax = riskToken(uniswap, d, "Taxed (test)", "TAX", BUY_TAX_BPS, SELL_TAX_BPS, false);
        String clean = create(d, Artifacts.ours("FixedSupplyToken"), new Utf8String("Clean (test)"),
                new Utf8String("CLEAN"), u256(SUPPLY));
        addWethPool(uniswap, d, clean);
        return new LocalRiskTokens(honey, tax, clean);
    }

    private static String riskToken(LocalUniswap uniswap, TransactionSender d, String name, String symbol, int buyTax,
                                    int sellTax, boolean blockSells) {
        String token = create(d, Artifacts.ours("RiskToken"), new Utf8String(name), new Utf8String(symbol),
                u256(SUPPLY), u256(buyTax), u256(sellTax), new Bool(blockSells));
        String pair = addWethPool(uniswap, d, token);
        d.send(token, Abi.call("setPair(address)", addr(pair)), BigInteger.ZERO);
        return token;
    }

    /** A V2 pool TOKEN/WETH of POOL_TOKENS + POOL_WETH, owned by the deployer; returns the pair. */
    private static String addWethPool(LocalUniswap uniswap, TransactionSender d, String token) {
        String router = uniswap.contracts.v2Router();
        d.send(token, Erc20.approve(router, POOL_TOKENS), BigInteger.ZERO);
        d.send(uniswap.weth(), Erc20.approve(router, POOL_WETH), BigInteger.ZERO);
        BigInteger deadline = BigInteger.valueOf(Instant.now().plusSeconds(600).getEpochSecond());
        d.send(router, Abi.call("addLiquidity(address,address,uint256,uint256,uint256,uint256,address,uint256)",
                addr(token), addr(uniswap.weth()), u256(POOL_TOKENS), u256(POOL_WETH), u256(POOL_TOKENS),
                u256(POOL_WETH), addr(d.address()), u256(deadline)), BigInteger.ZERO);
        return Abi.address(Abi.decode(uniswap.reader.call(uniswap.contracts.v2Factory(),
                        Abi.call("getPair(address,address)", addr(token), addr(uniswap.weth()))),
                new org.web3j.abi.TypeReference<org.web3j.abi.datatypes.Address>() {}).getFirst());
    }

    private static String create(TransactionSender deployer, String bytecode, Type<?>... constructorArgs) {
        String data = bytecode + FunctionEncoder.encodeConstructor(List.of(constructorArgs));
        String address = deployer.send(null, data, BigInteger.ZERO).getContractAddress();
        if (address == null) throw new IllegalStateException("deployment gave no contract address");
        return address;
    }
}

package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.Artifacts;
import dev.botfleet.dex.chain.ChainReader;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.chain.SimpleTransactionSender;
import dev.botfleet.dex.chain.TransactionSender;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;

/**
 * Real Uniswap V2 and V3 on a {@link LocalChain}, deployed from the npm packages' bytecode by account 0, with two
 * test tokens and pools holding liquidity:
 * <ul>
 *   <li>WETH (18 decimals) and USDC (a {@code TestToken} with 6 decimals);</li>
 *   <li>V2 WETH/USDC: 100 WETH + 200,000 USDC (2,000 USDC per WETH);</li>
 *   <li>V3 WETH/USDC 0.30 %: 100 WETH + 201,000 USDC over the full range (2,010 USDC per WETH, so selling WETH is
 *       better on V3 and buying it better on V2); V3 0.05 %: 10 WETH + 20,050 USDC.</li>
 * </ul>
 * {@link #fund} gives any account WETH and USDC. For the dex tests and, through the dex test-jar, the server's.
 */
public final class LocalUniswap {
    public static final BigInteger ETHER = BigInteger.TEN.pow(18);
    public static final BigInteger USDC_UNIT = BigInteger.TEN.pow(6);

    public final LocalChain chain;
    public final ChainReader reader;
    public final UniswapContracts contracts;
    public final String usdc;
    private final TransactionSender deployer;

    private LocalUniswap(LocalChain chain, UniswapContracts contracts, String usdc, TransactionSender deployer) {
        this.chain = chain;
        this.reader = new ChainReader(chain.web3j());
        this.contracts = contracts;
        this.usdc = usdc;
        this.deployer = deployer;
    }

    public String weth() {
        return contracts.weth();
    }

    public TransactionSender wallet(Credentials credentials) {
        return new SimpleTransactionSender(chain.web3j(), credentials, chain.chainId());
    }

    /** Deploys everything on a running chain (a few seconds). */
    public static LocalUniswap deploy(LocalChain chain) {
        TransactionSender d = new SimpleTransactionSender(chain.web3j(), chain.account0(), chain.chainId());
        String weth = create(d, Artifacts.npm(Artifacts.WETH9));
        String v2Factory = create(d, Artifacts.npm(Artifacts.V2_FACTORY), addr(d.address()));
        String v2Router = create(d, Artifacts.npm(Artifacts.V2_ROUTER), addr(v2Factory), addr(weth));
        String v3Factory = create(d, Artifacts.npm(Artifacts.V3_FACTORY));
        String swapRouter = create(d, Artifacts.npm(Artifacts.V3_SWAP_ROUTER), addr(v3Factory), addr(weth));
        // The position manager's token descriptor only renders NFT metadata (tokenURI); no swap path touches it.
        String positions = create(d, Artifacts.npm(Artifacts.V3_POSITION_MANAGER), addr(v3Factory), addr(weth),
                addr(ChainReader.NOBODY));
        String quoter = create(d, Artifacts.npm(Artifacts.V3_QUOTER), addr(v3Factory), addr(weth));
        String usdc = create(d, Artifacts.ours("TestToken"), new Utf8String("USD Coin (test)"), new Utf8String("USDC"),
                new Uint8(6));
        LocalUniswap uniswap = new LocalUniswap(chain,
                new UniswapContracts(weth, v2Factory, v2Router, v3Factory, swapRouter, positions, quoter), usdc, d);
        uniswap.fund(d, ETHER.multiply(BigInteger.valueOf(1000)), USDC_UNIT.multiply(BigInteger.valueOf(10_000_000)));
        uniswap.addV2Liquidity(ETHER.multiply(BigInteger.valueOf(100)), USDC_UNIT.multiply(BigInteger.valueOf(200_000)));
        uniswap.addV3FullRange(3000, 60, ETHER.multiply(BigInteger.valueOf(100)),
                USDC_UNIT.multiply(BigInteger.valueOf(201_000)));
        uniswap.addV3FullRange(500, 10, ETHER.multiply(BigInteger.TEN), USDC_UNIT.multiply(BigInteger.valueOf(20_050)));
        return uniswap;
    }

    /** Wraps {@code wethUnits} of the wallet's ether into WETH and mints it {@code usdcUnits} test USDC. */
    public void fund(TransactionSender wallet, BigInteger wethUnits, BigInteger usdcUnits) {
        if (wethUnits.signum() > 0) new Weth(weth()).wrap(wallet, wethUnits);
        if (usdcUnits.signum() > 0) {
            wallet.send(usdc, Abi.call("mint(address,uint256)", addr(wallet.address()), u256(usdcUnits)), BigInteger.ZERO);
        }
    }

    public Erc20 token(String address) {
        return new Erc20(reader, address);
    }

    private void addV2Liquidity(BigInteger wethUnits, BigInteger usdcUnits) {
        approve(weth(), contracts.v2Router(), wethUnits);
        approve(usdc, contracts.v2Router(), usdcUnits);
        deployer.send(contracts.v2Router(), Abi.call(
                "addLiquidity(address,address,uint256,uint256,uint256,uint256,address,uint256)",
                addr(weth()), addr(usdc), u256(wethUnits), u256(usdcUnits), u256(wethUnits), u256(usdcUnits),
                addr(deployer.address()), u256(deadline())), BigInteger.ZERO);
    }

    /** A new V3 pool at the price amount1/amount0 and a full-range position holding about these amounts. */
    private void addV3FullRange(int feePips, int tickSpacing, BigInteger wethUnits, BigInteger usdcUnits) {
        boolean wethFirst = weth().compareToIgnoreCase(usdc) < 0;
        String token0 = wethFirst ? weth() : usdc;
        String token1 = wethFirst ? usdc : weth();
        BigInteger amount0 = wethFirst ? wethUnits : usdcUnits;
        BigInteger amount1 = wethFirst ? usdcUnits : wethUnits;
        deployer.send(contracts.v3PositionManager(), Abi.call(
                "createAndInitializePoolIfNecessary(address,address,uint24,uint160)", addr(token0), addr(token1),
                new Uint24(feePips), new Uint160(SqrtPrice.fromAmounts(amount0, amount1))), BigInteger.ZERO);
        approve(token0, contracts.v3PositionManager(), amount0);
        approve(token1, contracts.v3PositionManager(), amount1);
        int maxTick = 887272 / tickSpacing * tickSpacing;
        deployer.send(contracts.v3PositionManager(), Abi.call(
                "mint((address,address,uint24,int24,int24,uint256,uint256,uint256,uint256,address,uint256))",
                addr(token0), addr(token1), new Uint24(feePips), new Int24(-maxTick), new Int24(maxTick),
                u256(amount0), u256(amount1), u256(0), u256(0), addr(deployer.address()), u256(deadline())),
                BigInteger.ZERO);
    }

    private void approve(String token, String spender, BigInteger amount) {
        deployer.send(token, Erc20.approve(spender, amount), BigInteger.ZERO);
    }

    private static BigInteger deadline() {
        return BigInteger.valueOf(Instant.now().plusSeconds(600).getEpochSecond());
    }

    private static String create(TransactionSender deployer, String bytecode, Type<?>... constructorArgs) {
        String data = bytecode + FunctionEncoder.encodeConstructor(List.of(constructorArgs));
        String address = deployer.send(null, data, BigInteger.ZERO).getContractAddress();
        if (address == null) throw new IllegalStateException("deployment gave no contract address");
        return address;
    }
}

package dev.botfleet.dex.uniswap;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.ChainReader;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Uint112;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import static dev.botfleet.dex.chain.Abi.addr;

/**
 * Finds pools and reads their state. Pool addresses always come from the factories ({@code getPair},
 * {@code getPool}), never from an init-code-hash computation, so a chain whose pair bytecode differs from mainnet's
 * still works (docs/dex.md).
 */
public final class UniswapPools {
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private final ChainReader chain;
    private final UniswapContracts contracts;

    public UniswapPools(ChainReader chain, UniswapContracts contracts) {
        this.chain = chain;
        this.contracts = contracts;
    }

    /** A V2 pair's reserves, each paired with its token. */
    public record V2Reserves(String pair, String token0, String token1, BigInteger reserve0, BigInteger reserve1) {
        public BigInteger reserveOf(String token) {
            return token.equalsIgnoreCase(token0) ? reserve0 : reserve1;
        }
    }

    /** A V3 pool's current √price and in-range liquidity. */
    public record V3State(String pool, String token0, String token1, int feePips, BigInteger sqrtPriceX96, int tick,
                          BigInteger liquidity) {}

    public Optional<String> v2Pair(String tokenA, String tokenB) {
        return address(chain.call(contracts.v2Factory(),
                Abi.call("getPair(address,address)", addr(tokenA), addr(tokenB))));
    }

    public Optional<String> v3Pool(String tokenA, String tokenB, int feePips) {
        return address(chain.call(contracts.v3Factory(), Abi.call("getPool(address,address,uint24)",
                addr(tokenA), addr(tokenB), new Uint24(feePips))));
    }

    public Optional<V2Reserves> v2Reserves(String tokenA, String tokenB) {
        return v2Pair(tokenA, tokenB).map(pair -> {
            List<Type> r = Abi.decode(chain.call(pair, Abi.call("getReserves()")),
                    new TypeReference<Uint112>() {}, new TypeReference<Uint112>() {}, new TypeReference<Uint32>() {});
            String token0 = token(pair, "token0()");
            String token1 = token(pair, "token1()");
            return new V2Reserves(pair, token0, token1, Abi.uint(r.get(0)), Abi.uint(r.get(1)));
        });
    }

    public Optional<V3State> v3State(String tokenA, String tokenB, int feePips) {
        return v3Pool(tokenA, tokenB, feePips).map(pool -> {
            List<Type> slot0 = Abi.decode(chain.call(pool, Abi.call("slot0()")),
                    new TypeReference<Uint160>() {}, new TypeReference<Int24>() {}, new TypeReference<Uint16>() {},
                    new TypeReference<Uint16>() {}, new TypeReference<Uint16>() {}, new TypeReference<Uint8>() {},
                    new TypeReference<Bool>() {});
            BigInteger liquidity = Abi.uint(Abi.decode(chain.call(pool, Abi.call("liquidity()")),
                    new TypeReference<Uint128>() {}).getFirst());
            int tick = ((BigInteger) slot0.get(1).getValue()).intValueExact();
            return new V3State(pool, token(pool, "token0()"), token(pool, "token1()"), feePips,
                    Abi.uint(slot0.get(0)), tick, liquidity);
        });
    }

    private String token(String pool, String getter) {
        return Abi.address(Abi.decode(chain.call(pool, Abi.call(getter)), new TypeReference<Address>() {}).getFirst());
    }

    private static Optional<String> address(String answer) {
        String address = Abi.address(Abi.decode(answer, new TypeReference<Address>() {}).getFirst());
        return ZERO.equalsIgnoreCase(address) ? Optional.empty() : Optional.of(address);
    }
}

package dev.botfleet.dex.mempool;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.uniswap.UniswapContracts;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.List;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;
import static org.assertj.core.api.Assertions.assertThat;

/** Calldata of each router shape decoded without a chain; anything malformed decodes to nothing. */
class UniswapCallDecoderTest {
    static final String WETH = "0x00000000000000000000000000000000000000e1";
    static final String USDC = "0x00000000000000000000000000000000000000c1";
    static final String DAI = "0x00000000000000000000000000000000000000d1";
    static final String ME = "0x00000000000000000000000000000000000000aa";
    static final UniswapContracts CONTRACTS = new UniswapContracts(WETH, "0x0000000000000000000000000000000000000f02",
            "0x0000000000000000000000000000000000000002", "0x0000000000000000000000000000000000000f03",
            "0x0000000000000000000000000000000000000003", "0x0000000000000000000000000000000000000004",
            "0x0000000000000000000000000000000000000005");
    final UniswapCallDecoder decoder = new UniswapCallDecoder(CONTRACTS);

    @Test
    void etherSwapsTakeTheirSizeFromTheTransactionsValue() {
        BigInteger value = BigInteger.valueOf(7).multiply(BigInteger.TEN.pow(17));
        assertThat(decoder.decode(CONTRACTS.v2Router(), Abi.call("swapExactETHForTokens(uint256,address[],address,uint256)",
                u256(123), path(WETH, USDC), addr(ME), u256(9)), value))
                .containsExactly(new DecodedCall.V2Swap(List.of(WETH, USDC), true, value, BigInteger.valueOf(123)));
        assertThat(decoder.decode(CONTRACTS.v2Router(), Abi.call("swapETHForExactTokens(uint256,address[],address,uint256)",
                u256(500), path(WETH, DAI, USDC), addr(ME), u256(9)), value))
                .containsExactly(new DecodedCall.V2Swap(List.of(WETH, DAI, USDC), false, BigInteger.valueOf(500), value));
    }

    @Test
    void etherLiquidityFunctionsPairTheTokenWithWeth() {
        assertThat(decoder.decode(CONTRACTS.v2Router(), Abi.call(
                "removeLiquidityETHWithPermit(address,uint256,uint256,uint256,address,uint256,bool,uint8,bytes32,bytes32)",
                addr(USDC), u256(4242), u256(0), u256(0), addr(ME), u256(9), new org.web3j.abi.datatypes.Bool(false),
                new org.web3j.abi.datatypes.generated.Uint8(27), new org.web3j.abi.datatypes.generated.Bytes32(new byte[32]),
                new org.web3j.abi.datatypes.generated.Bytes32(new byte[32])), BigInteger.ZERO))
                .containsExactly(new DecodedCall.V2Removal(USDC, WETH, BigInteger.valueOf(4242)));
        assertThat(decoder.decode(CONTRACTS.v2Router(), Abi.call(
                "addLiquidityETH(address,uint256,uint256,uint256,address,uint256)", addr(USDC), u256(2000), u256(0),
                u256(0), addr(ME), u256(9)), BigInteger.ONE))
                .containsExactly(new DecodedCall.V2Addition(USDC, WETH, BigInteger.valueOf(2000), BigInteger.ONE));
    }

    @Test
    void aV3ExactOutputPathRunsFromTheTokenOut() {
        byte[] path = Numeric.hexStringToByteArray(WETH + "000bb8" + Numeric.cleanHexPrefix(USDC));
        assertThat(decoder.decode(CONTRACTS.v3SwapRouter(), Abi.call("exactOutput((bytes,address,uint256,uint256,uint256))",
                new DynamicStruct(new DynamicBytes(path), addr(ME), u256(9), u256(10), u256(20))), BigInteger.ZERO))
                .containsExactly(new DecodedCall.V3Swap(USDC, WETH, 3000, false, BigInteger.TEN, BigInteger.valueOf(20)));
    }

    @Test
    void positionManagerMulticallDecodesEachInnerCall() {
        String mint = Abi.call("mint((address,address,uint24,int24,int24,uint256,uint256,uint256,uint256,address,uint256))",
                addr(USDC), addr(WETH), new Uint24(500), new Int24(-10), new Int24(10), u256(11), u256(22), u256(0),
                u256(0), addr(ME), u256(9));
        String decrease = Abi.call("decreaseLiquidity((uint256,uint128,uint256,uint256,uint256))", u256(7),
                new org.web3j.abi.datatypes.generated.Uint128(99), u256(0), u256(0), u256(9));
        String collect = Abi.call("collect((uint256,address,uint128,uint128))", u256(7), addr(ME), u256(1), u256(1));
        assertThat(decoder.decode(CONTRACTS.v3PositionManager(), Abi.call("multicall(bytes[])", new DynamicArray<>(
                DynamicBytes.class, bytes(mint), bytes(decrease), bytes(collect))), BigInteger.ZERO))
                .containsExactly(new DecodedCall.V3Mint(USDC, WETH, 500, BigInteger.valueOf(11), BigInteger.valueOf(22)),
                        new DecodedCall.V3Decrease(BigInteger.valueOf(7), BigInteger.valueOf(99)));
    }

    @Test
    void anyOtherAddressIsReadAsAPossiblePairSwap() {
        String pair = "0x00000000000000000000000000000000000000bb";
        assertThat(decoder.decode(pair, Abi.call("swap(uint256,uint256,address,bytes)", u256(0), u256(5), addr(ME),
                new DynamicBytes(new byte[0])), BigInteger.ZERO))
                .containsExactly(new DecodedCall.PairSwap(pair, BigInteger.ZERO, BigInteger.valueOf(5)));
    }

    @Test
    void malformedOrUnknownCalldataDecodesToNothing() {
        String swap = Abi.call("swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", u256(1), u256(2),
                path(WETH, USDC), addr(ME), u256(9));
        assertThat(decoder.decode(CONTRACTS.v2Router(), swap.substring(0, swap.length() - 64), BigInteger.ZERO)).isEmpty();
        // the path's offset pointing far beyond the data
        String badOffset = swap.substring(0, 10 + 128) + "00000000000000000000000000000000000000000000000000000000ffffffff"
                + swap.substring(10 + 192);
        assertThat(decoder.decode(CONTRACTS.v2Router(), badOffset, BigInteger.ZERO)).isEmpty();
        assertThat(decoder.decode(CONTRACTS.v2Router(), Abi.call("WETH()"), BigInteger.ZERO)).isEmpty();
        assertThat(decoder.decode(CONTRACTS.v2Router(), "0x12", BigInteger.ZERO)).isEmpty();
        assertThat(decoder.decode(null, swap, BigInteger.ZERO)).isEmpty();
        // a swap call sent to the V3 router is not a V3 function: nothing
        assertThat(decoder.decode(CONTRACTS.v3SwapRouter(), swap, BigInteger.ZERO)).isEmpty();
    }

    private static DynamicArray<Address> path(String... tokens) {
        return new DynamicArray<>(Address.class, java.util.Arrays.stream(tokens).map(Address::new).toList());
    }

    private static DynamicBytes bytes(String hex) {
        return new DynamicBytes(Numeric.hexStringToByteArray(hex));
    }
}

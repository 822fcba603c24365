package dev.botfleet.dex.chain;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Path;

/**
 * Compiled contracts as the npm packages ship them (the {@code bytecode} field of their build JSON, with or without
 * 0x) and our own from {@code dex/chain/build}.
 */
public final class Artifacts {
    public static final String WETH9 = "@uniswap/v2-periphery/build/WETH9.json";
    public static final String V2_FACTORY = "@uniswap/v2-core/build/UniswapV2Factory.json";
    public static final String V2_PAIR = "@uniswap/v2-core/build/UniswapV2Pair.json";
    public static final String V2_ROUTER = "@uniswap/v2-periphery/build/UniswapV2Router02.json";
    public static final String V3_FACTORY = "@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json";
    public static final String V3_POOL = "@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json";
    public static final String V3_SWAP_ROUTER = "@uniswap/v3-periphery/artifacts/contracts/SwapRouter.sol/SwapRouter.json";
    public static final String V3_POSITION_MANAGER =
            "@uniswap/v3-periphery/artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json";
    public static final String V3_QUOTER = "@uniswap/v3-periphery/artifacts/contracts/lens/QuoterV2.sol/QuoterV2.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Artifacts() {}

    /** Creation bytecode (0x-prefixed) of an npm package's artifact, path relative to node_modules. */
    public static String npm(String path) {
        return bytecode(ChainFolder.path().resolve("node_modules").resolve(path));
    }

    /** Creation bytecode of one of our contracts in dex/chain/contracts, compiled by setup.mjs. */
    public static String ours(String contractName) {
        return bytecode(ChainFolder.path().resolve("build").resolve(contractName + ".json"));
    }

    private static String bytecode(Path file) {
        try {
            JsonNode artifact = JSON.readTree(file.toFile());
            String code = artifact.path("bytecode").asString();
            if (code.isEmpty()) code = artifact.path("evm").path("bytecode").path("object").asString();
            if (code.isEmpty()) throw new IllegalStateException(file + " has no bytecode");
            return code.startsWith("0x") ? code : "0x" + code;
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalStateException("cannot read " + file + " (was dex/chain set up?)", e);
        }
    }
}

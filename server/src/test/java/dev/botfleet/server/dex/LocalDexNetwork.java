package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.uniswap.LocalUniswap;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The server's properties for one DEX network on a local chain with Uniswap deployed: the DEX server tests' setup. */
final class LocalDexNetwork {
    private LocalDexNetwork() {
    }

    static void register(DynamicPropertyRegistry registry, String name, LocalChain chain, LocalUniswap uniswap) {
        String p = "botfleet.dex.networks." + name + ".";
        registry.add(p + "chain-id", chain::chainId);
        registry.add(p + "rpc-url", chain::rpcUrl);
        registry.add(p + "ws-url", chain::wsUrl);
        registry.add(p + "weth", uniswap.contracts::weth);
        registry.add(p + "v2-factory", uniswap.contracts::v2Factory);
        registry.add(p + "v2-router", uniswap.contracts::v2Router);
        registry.add(p + "v3-factory", uniswap.contracts::v3Factory);
        registry.add(p + "v3-swap-router", uniswap.contracts::v3SwapRouter);
        registry.add(p + "v3-quoter", uniswap.contracts::v3Quoter);
        registry.add(p + "v3-position-manager", uniswap.contracts::v3PositionManager);
    }
}

package dev.botfleet.server.dex;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.Map;

/**
 * {@code botfleet.dex.*}: the EVM networks DEX bots may trade on, each with its Uniswap contracts, and the paper
 * settings. No network is configured by default (the README shows a local chain's lines).
 *
 * @param networks     by name ({@code ethereum}, {@code base}, {@code local}...); the market's exchange id is
 *                     {@code dex:<name>}
 * @param paperGasUnits the gas a paper swap is charged when the route gives no estimate of its own (V2; V3's QuoterV2
 *                     answers one), default 150,000 (a V2 token-to-token swap uses about 100,000-150,000)
 */
@ConfigurationProperties("botfleet.dex")
public record DexProperties(Map<String, NetworkSettings> networks, Long paperGasUnits) {

    public DexProperties {
        networks = networks == null ? Map.of() : Map.copyOf(networks);
        if (paperGasUnits == null) paperGasUnits = 150_000L;
    }

    /**
     * One network. The Uniswap addresses are the official deployments on a mainnet, or what a local deployment made.
     *
     * @param wsUrl             needed: the pool price feed follows new blocks over it
     * @param v3PositionManager optional: without it the mempool watch cannot tell which pool a pending V3
     *                          {@code decreaseLiquidity} touches (docs/dex-mempool.md)
     */
    public record NetworkSettings(long chainId, URI rpcUrl, URI wsUrl, String weth, String v2Factory, String v2Router,
                                  String v3Factory, String v3SwapRouter, String v3Quoter, String v3PositionManager) {
    }
}

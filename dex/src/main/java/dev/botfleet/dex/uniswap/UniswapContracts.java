package dev.botfleet.dex.uniswap;

/**
 * Where Uniswap lives on one network. On mainnets these are the official deployments (from configuration); on the
 * local chain, what the deployer just created.
 */
public record UniswapContracts(String weth, String v2Factory, String v2Router, String v3Factory, String v3SwapRouter,
                               String v3PositionManager, String v3Quoter) {}

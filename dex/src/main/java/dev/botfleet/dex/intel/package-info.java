/**
 * The intelligence slider: one table ({@link IntelligenceSlider#TABLE}) turning a level 1-10 into the risk threshold,
 * position size, slippage tolerance, gas aggressiveness and the analysis a DEX bot runs before it trades (the fast
 * lane or the smart lane). docs/dex.md "Intelligence slider" shows the same table; a test keeps them equal.
 */
package dev.botfleet.dex.intel;

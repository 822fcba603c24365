/**
 * DEX venues, where the "exchange" is an EVM chain: JSON-RPC access (web3j), Uniswap V2/V3 quotes and swaps, the
 * transaction manager and gas strategy, token risk scoring and Sign-In with Ethereum (docs/dex.md). Depends on the
 * engine only; the server uses it.
 */
package dev.botfleet.dex;

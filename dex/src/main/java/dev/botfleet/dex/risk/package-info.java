/**
 * Token risk: the pure parts. {@link PrivilegeScan} finds what a token's owner can do to holders (mint, pause,
 * blacklist, change fees, upgrade...) from the contract's runtime bytecode, walked opcode by opcode so PUSH data is
 * never read as code, and from its ABI when one is published.
 */
package dev.botfleet.dex.risk;

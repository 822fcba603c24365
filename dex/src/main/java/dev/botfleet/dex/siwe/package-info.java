/**
 * Sign-In with Ethereum (EIP-4361): the message parsed exactly as the EIP's ABNF ({@link SiweParser}), written
 * ({@link SiweMessage#toText()}), and checked against what the relying party expects with an EIP-191 personal_sign
 * signature ({@link SiweVerifier}). Pure: no clock, no I/O; the caller passes "now" and keeps the nonces.
 */
package dev.botfleet.dex.siwe;

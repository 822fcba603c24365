/**
 * The wallet-key vault for DEX bots: a wallet's private key, AES-256-GCM encrypted under the master key like an
 * exchange key and never answered or logged, or the URL of an external signer that keeps the key itself
 * (docs/security.md "Wallet keys").
 */
package dev.botfleet.server.wallet;

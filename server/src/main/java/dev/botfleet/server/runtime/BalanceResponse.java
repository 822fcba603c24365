package dev.botfleet.server.runtime;

/** One asset of a paper bot's account, rounded down to the asset's precision (never more than it holds). */
public record BalanceResponse(String asset, String total, String available) {
}

package dev.botfleet.exchanges;

import dev.botfleet.engine.exchange.Balance;

import java.util.List;

/** What a key may do and what the account holds, from the venue's account call. */
public record AccountInfo(boolean canTrade, boolean canWithdraw, List<Balance> balances) {
    public AccountInfo {
        balances = List.copyOf(balances);
    }
}

package dev.botfleet.dex.chain;

import java.math.BigDecimal;
import java.math.BigInteger;

/** An ERC-20 as people see it: address, symbol and decimals, converting amounts at the boundary (TokenUnits). */
public record Token(String address, String symbol, int decimals) {

    /** Reads symbol and decimals from the contract. */
    public static Token read(ChainReader chain, String address) {
        Erc20 erc20 = new Erc20(chain, address);
        return new Token(address, erc20.symbol(), erc20.decimals());
    }

    public BigDecimal toDecimal(BigInteger units) {
        return TokenUnits.toDecimal(units, decimals);
    }

    public BigInteger toUnits(BigDecimal amount) {
        return TokenUnits.toUnits(amount, decimals);
    }
}

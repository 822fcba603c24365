package dev.botfleet.dex.uniswap;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Virtual token balances of a paper bot, in token units, keyed by token address (case-insensitive). */
public final class PaperWallet {
    private final Map<String, BigInteger> balances = new HashMap<>();

    public synchronized BigInteger balanceOf(String token) {
        return balances.getOrDefault(key(token), BigInteger.ZERO);
    }

    public synchronized void deposit(String token, BigInteger units) {
        if (units.signum() < 0) throw new IllegalArgumentException("deposit must not be negative");
        balances.merge(key(token), units, BigInteger::add);
    }

    /** Applies a fill: takes amountIn of tokenIn (refused if the wallet holds less), adds amountOut of tokenOut. */
    synchronized void settle(String tokenIn, BigInteger amountIn, String tokenOut, BigInteger amountOut) {
        BigInteger held = balanceOf(tokenIn);
        if (held.compareTo(amountIn) < 0) {
            throw new IllegalArgumentException("paper wallet holds " + held + " units of " + tokenIn
                    + ", the swap needs " + amountIn);
        }
        balances.put(key(tokenIn), held.subtract(amountIn));
        balances.merge(key(tokenOut), amountOut, BigInteger::add);
    }

    private static String key(String token) {
        return token.toLowerCase(Locale.ROOT);
    }
}

package dev.botfleet.dex.signer;

import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an external signer returned must be exactly what was asked, signed by the wallet: an EIP-1559 transaction whose
 * recovered sender is the wallet and whose chain id, nonce, to, value, data, gas limit and both fee caps equal the
 * request. Anything else — a signer that was compromised, misconfigured for another chain, or holding another key —
 * is refused before the transaction is journaled, so it is never broadcast.
 */
final class SignedTransactionCheck {
    private SignedTransactionCheck() {
    }

    /** Empty if {@code signedHex} is the asked transaction signed by {@code wallet}, else what differs, in plain words. */
    static Optional<String> problem(String signedHex, RawTransaction asked, long chainId, String wallet) {
        RawTransaction decoded;
        try {
            decoded = TransactionDecoder.decode(signedHex);
        } catch (RuntimeException e) {
            return Optional.of("it is not a signed transaction (" + e.getClass().getSimpleName() + ")");
        }
        if (!(decoded instanceof SignedRawTransaction signed)) {
            return Optional.of("it is not signed");
        }
        if (!(decoded.getTransaction() instanceof Transaction1559 got)) {
            return Optional.of("it is a " + decoded.getType() + " transaction, not EIP-1559");
        }
        String from;
        try {
            from = signed.getFrom().toLowerCase(Locale.ROOT);
        } catch (SignatureException | RuntimeException e) {
            return Optional.of("its signature does not recover to any address");
        }
        if (!from.equals(wallet)) {
            return Optional.of("it is signed by " + from + ", not by the wallet " + wallet);
        }
        Transaction1559 want = (Transaction1559) asked.getTransaction();
        return differs("chain id", BigInteger.valueOf(got.getChainId()), BigInteger.valueOf(chainId))
                .or(() -> differs("nonce", got.getNonce(), want.getNonce()))
                .or(() -> differs("to", hex(got.getTo()), hex(want.getTo())))
                .or(() -> differs("value", got.getValue(), want.getValue()))
                .or(() -> differs("data", hex(got.getData()), hex(want.getData())))
                .or(() -> differs("gas limit", got.getGasLimit(), want.getGasLimit()))
                .or(() -> differs("maxFeePerGas", got.getMaxFeePerGas(), want.getMaxFeePerGas()))
                .or(() -> differs("maxPriorityFeePerGas", got.getMaxPriorityFeePerGas(),
                        want.getMaxPriorityFeePerGas()));
    }

    private static Optional<String> differs(String field, Object got, Object want) {
        if (Objects.equals(got, want)) return Optional.empty();
        String shownGot = String.valueOf(got);
        String shownWant = String.valueOf(want);
        if (field.equals("data")) {  // call data can be kilobytes: its length says enough
            shownGot = (shownGot.length() / 2) + " bytes";
            shownWant = (shownWant.length() / 2) + " bytes";
            if (shownGot.equals(shownWant)) shownGot = "other " + shownGot;
        }
        return Optional.of("its " + field + " is " + shownGot + " instead of " + shownWant);
    }

    /** Lower-case hex without 0x; "0x" and "" both mean no data. */
    private static String hex(String value) {
        return value == null ? "" : Numeric.cleanHexPrefix(value).toLowerCase(Locale.ROOT);
    }
}

package dev.botfleet.dex.signer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

import java.math.BigInteger;

import static dev.botfleet.dex.signer.Web3SignerClientTest.CHAIN;
import static dev.botfleet.dex.signer.Web3SignerClientTest.ROUTER;
import static dev.botfleet.dex.signer.Web3SignerClientTest.WALLET;
import static dev.botfleet.dex.signer.Web3SignerClientTest.swap;
import static org.assertj.core.api.Assertions.assertThat;

/** Every field of a returned transaction is compared with the request: a change to any one of them is named. */
class SignedTransactionCheckTest {
    static final String WALLET_ADDRESS = WALLET.getAddress().toLowerCase();

    @Test
    void theAskedTransactionSignedByTheWalletPasses() {
        assertThat(SignedTransactionCheck.problem(new LocalKeySigner(WALLET).sign(swap(), CHAIN), swap(), CHAIN,
                WALLET_ADDRESS)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "nonce, its nonce is 8 instead of 7",
            "to, its to is 0000000000000000000000000000000000000001 instead of " + "7a250d5630b4cf539739df2c5dacb4c659f2488d",
            "value, its value is 12346 instead of 12345",
            "data, its data is other 68 bytes instead of 68 bytes",
            "gas, its gas limit is 180001 instead of 180000",
            "maxFee, its maxFeePerGas is 40000000001 instead of 40000000000",
            "tip, its maxPriorityFeePerGas is 1500000001 instead of 1500000000"
    })
    void eachChangedFieldIsNamed(String field, String problem) {
        RawTransaction asked = swap();
        BigInteger nonce = BigInteger.valueOf(7), gas = BigInteger.valueOf(180_000), value = BigInteger.valueOf(12_345);
        BigInteger tip = BigInteger.valueOf(1_500_000_000L), maxFee = BigInteger.valueOf(40_000_000_000L);
        String to = ROUTER, data = asked.getData();
        switch (field) {
            case "nonce" -> nonce = nonce.add(BigInteger.ONE);
            case "to" -> to = "0x0000000000000000000000000000000000000001";
            case "value" -> value = value.add(BigInteger.ONE);
            case "data" -> data = "0x38ed1739" + "00".repeat(63) + "01";
            case "gas" -> gas = gas.add(BigInteger.ONE);
            case "maxFee" -> maxFee = maxFee.add(BigInteger.ONE);
            case "tip" -> tip = tip.add(BigInteger.ONE);
            default -> throw new IllegalArgumentException(field);
        }
        RawTransaction other = RawTransaction.createTransaction(CHAIN, nonce, gas, to, value, data, tip, maxFee);
        assertThat(SignedTransactionCheck.problem(new LocalKeySigner(WALLET).sign(other, CHAIN), asked, CHAIN,
                WALLET_ADDRESS)).contains(problem);
    }

    @Test
    void anUnsignedOrLegacyOrGarbledAnswerIsRefused() {
        RawTransaction legacy = RawTransaction.createTransaction(BigInteger.valueOf(7), BigInteger.ONE,
                BigInteger.valueOf(180_000), ROUTER, BigInteger.valueOf(12_345), swap().getData());
        String legacySigned = Numeric.toHexString(TransactionEncoder.signMessage(legacy, CHAIN, WALLET));
        assertThat(SignedTransactionCheck.problem(legacySigned, swap(), CHAIN, WALLET_ADDRESS).orElseThrow())
                .contains("not EIP-1559");
        String unsigned = Numeric.toHexString(TransactionEncoder.encode(swap()));
        assertThat(SignedTransactionCheck.problem(unsigned, swap(), CHAIN, WALLET_ADDRESS)).isPresent();
        assertThat(SignedTransactionCheck.problem("0xdeadbeef", swap(), CHAIN, WALLET_ADDRESS)).isPresent();
    }
}

package dev.botfleet.dex.risk;

import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.RevertReason;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The honeypot test: a simulated buy then sell of a token by eth_call, so nothing is sent and any node answers it
 * (ganache too, which has no state overrides). The call has no {@code to}: it runs the creation code of our
 * {@code HoneypotProbe} contract (dex/chain/contracts/HoneypotProbe.sol, compiled bytecode in this package's
 * resources), whose constructor buys through the Uniswap V2 router with the ether the call carries, sells what it got,
 * and returns what happened as its "runtime code" — which eth_call hands back to us and never keeps.
 *
 * <p>The call's ether must come from an address that holds it (nodes check the sender's balance for the value):
 * the network's WETH contract is the usual choice, as it holds every wrapped ether.
 */
public final class HoneypotProbe {
    static final String BYTECODE = load();

    private final Web3j web3j;

    public HoneypotProbe(Web3j web3j) {
        this.web3j = web3j;
    }

    /**
     * @param router  the Uniswap V2 router (Router02: the fee-on-transfer swap functions)
     * @param path    WETH first, the token last (2 or 3 addresses)
     * @param wei     how much ether to buy with
     * @param from    the address the call's ether comes from
     * @param block   the block to simulate on
     */
    public HoneypotResult run(String router, List<String> path, BigInteger wei, String from, BigInteger block) {
        String data = BYTECODE + FunctionEncoder.encodeConstructor(List.of(new Address(router),
                new DynamicArray<>(Address.class, path.stream().map(Address::new).toList())));
        Transaction call = new Transaction(from, null, null, null, null, wei, data);
        EthCall answer;
        try {
            answer = web3j.ethCall(call, DefaultBlockParameter.valueOf(block)).send();
        } catch (IOException e) {
            throw new UncheckedIOException("the honeypot simulation could not reach the node", e);
        }
        if (answer.hasError()) {
            throw new IllegalStateException("the node refused the honeypot simulation: " + RevertReason.of(answer.getError()));
        }
        List<Type> v = Abi.decode(answer.getValue(), new TypeReference<Bool>() {}, new TypeReference<DynamicBytes>() {},
                new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Bool>() {},
                new TypeReference<DynamicBytes>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {});
        return new HoneypotResult(wei, (Boolean) v.get(0).getValue(), reason((byte[]) v.get(1).getValue()),
                Abi.uint(v.get(2)), Abi.uint(v.get(3)), (Boolean) v.get(4).getValue(),
                reason((byte[]) v.get(5).getValue()), Abi.uint(v.get(6)), Abi.uint(v.get(7)));
    }

    /** Revert data in words: Error(string) / Panic decoded, otherwise "no reason given". */
    private static String reason(byte[] revertData) {
        if (revertData.length == 0) return null;
        String decoded = RevertReason.fromRevertData(Numeric.toHexString(revertData));
        return decoded != null ? decoded : "reverted with data " + Numeric.toHexString(revertData);
    }

    private static String load() {
        try (InputStream in = HoneypotProbe.class.getResourceAsStream("HoneypotProbe.bin")) {
            if (in == null) throw new IllegalStateException("HoneypotProbe.bin missing from the dex module's resources");
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

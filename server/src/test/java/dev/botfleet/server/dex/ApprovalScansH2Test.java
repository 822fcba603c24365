package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.uniswap.LocalUniswap;
import dev.botfleet.server.runtime.RuntimeTestBase;
import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static dev.botfleet.dex.uniswap.LocalUniswap.USDC_UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remembered approval scan on a real local chain and H2, every eth_getLogs recorded: the first view reads from the
 * wallet's first transaction; the next reads only the blocks since (less the reorg margin) and still lists the
 * spenders found before plus the new one; a kept block above the head (a reset chain) is read again from the start.
 */
@OnH2
class ApprovalScansH2Test extends RuntimeTestBase {
    private static LocalChain chain;
    private static LocalUniswap uniswap;

    @Autowired
    ApprovalScans scans;
    @Autowired
    DexNetworks networks;

    @DynamicPropertySource
    static void localNetwork(DynamicPropertyRegistry registry) {
        if (chain == null) {
            chain = LocalChain.start();
            uniswap = LocalUniswap.deploy(chain);
        }
        LocalDexNetwork.register(registry, "local", chain, uniswap);
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) chain.close();
        chain = null;
        uniswap = null;
    }

    @Test
    void aViewReadsOnlyTheBlocksSinceTheLastOneAndKeepsWhatItFound() throws Exception {
        Session user = newUser();
        Credentials key = Credentials.create(Keys.createEcKeyPair());
        chain.rpc("evm_setAccountBalance", key.getAddress(), Numeric.encodeQuantity(ETHER));
        Answer stored = post("/api/v1/wallet-keys", user, Map.of("label", "scanned",
                "privateKey", Numeric.toHexStringWithPrefixZeroPadded(key.getEcKeyPair().getPrivateKey(), 64)));
        assertThat(stored.status()).as(String.valueOf(stored.body())).isEqualTo(201);
        UUID keyId = UUID.fromString(stored.body().get("id").asString());
        String usdc = uniswap.usdc.toLowerCase(Locale.ROOT);
        String spenderA = chain.accounts().get(7).getAddress().toLowerCase(Locale.ROOT);
        String spenderC = chain.accounts().get(8).getAddress().toLowerCase(Locale.ROOT);
        var wallet = uniswap.wallet(key);
        BigInteger first = wallet.send(uniswap.usdc, Erc20.approve(spenderA, USDC_UNIT), BigInteger.ZERO).getBlockNumber();
        for (int i = 0; i < 80; i++) chain.mine();   // more than the reorg margin after the first approval

        DexNetworks.Configured network = networks.find("local").orElseThrow();
        ApprovalLogScanChainTest.Recording service = new ApprovalLogScanChainTest.Recording(chain.rpcUrl());
        Web3j web3j = Web3j.build(service);
        ApprovalLogScan scan = new ApprovalLogScan(web3j, 1_000);
        BigInteger latest1 = web3j.ethBlockNumber().send().getBlockNumber();
        Map<String, Set<String>> one = scans.spenders(network, keyId, key.getAddress(), List.of(uniswap.usdc), latest1, scan);
        assertThat(one.get(usdc)).containsExactly(spenderA);
        assertThat(froms(service)).containsExactly(first);   // from the wallet's first transaction, not from block 0

        BigInteger second = wallet.send(uniswap.usdc, Erc20.approve(spenderC, USDC_UNIT), BigInteger.ZERO).getBlockNumber();
        BigInteger latest2 = web3j.ethBlockNumber().send().getBlockNumber();
        service.logQueries.clear();
        Map<String, Set<String>> two = scans.spenders(network, keyId, key.getAddress(), List.of(uniswap.usdc), latest2, scan);
        assertThat(two.get(usdc)).containsExactly(spenderA, spenderC);   // A kept, C found in the new blocks
        BigInteger resumeAt = latest1.subtract(BigInteger.valueOf(ApprovalScans.REORG_MARGIN - 1));
        assertThat(resumeAt).isGreaterThan(first);
        assertThat(froms(service)).containsExactly(resumeAt);
        assertThat(second).isGreaterThan(resumeAt);

        // a kept block above the head: the chain was reset, so the token is read again from the start
        jdbc.sql("UPDATE dex_wallet_approval_scans SET scanned_to = :b WHERE wallet_key_id = :k")
                .param("b", latest2.longValueExact() + 1_000).param("k", keyId).update();
        service.logQueries.clear();
        Map<String, Set<String>> three = scans.spenders(network, keyId, key.getAddress(), List.of(uniswap.usdc), latest2, scan);
        assertThat(three.get(usdc)).containsExactly(spenderA, spenderC);
        assertThat(froms(service)).containsExactly(first);
        web3j.shutdown();
    }

    private static List<BigInteger> froms(ApprovalLogScanChainTest.Recording service) {
        return service.logQueries.stream().map(EthFilter::getFromBlock)
                .map(b -> Numeric.decodeQuantity(b.getValue())).toList();
    }
}

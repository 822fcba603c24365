package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.uniswap.LocalUniswap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static dev.botfleet.dex.uniswap.LocalUniswap.USDC_UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet screen's approval scan on a real local chain, every JSON-RPC request recorded: it starts at the block of
 * the wallet's first transaction (found by binary search on its transaction count), never at block 0, reads the logs
 * in chunks that cover every block up to the head, and finds every spender the wallet approved.
 */
class ApprovalLogScanChainTest {
    private static LocalChain chain;
    private static LocalUniswap uniswap;

    /** Records each eth_getLogs filter the scan sends. */
    static final class Recording extends HttpService {
        final List<EthFilter> logQueries = new ArrayList<>();

        Recording(String url) {
            super(url);
        }

        @Override
        public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
            if (request.getMethod().equals("eth_getLogs")) logQueries.add((EthFilter) request.getParams().getFirst());
            return super.send(request, responseType);
        }
    }

    @BeforeAll
    static void deploy() {
        chain = LocalChain.start();
        uniswap = LocalUniswap.deploy(chain);   // dozens of blocks before any wallet of this test sends anything
    }

    @AfterAll
    static void stop() {
        if (chain != null) chain.close();
    }

    @Test
    void theScanStartsAtTheWalletsFirstTransactionReadsInChunksAndFindsEverySpender() throws Exception {
        Credentials key = Credentials.create(Keys.createEcKeyPair());
        chain.rpc("evm_setAccountBalance", key.getAddress(), Numeric.encodeQuantity(ETHER));
        String spenderA = chain.accounts().get(7).getAddress().toLowerCase(Locale.ROOT);
        String spenderB = chain.accounts().get(8).getAddress().toLowerCase(Locale.ROOT);
        var wallet = uniswap.wallet(key);
        BigInteger first = wallet.send(uniswap.usdc, Erc20.approve(spenderA, USDC_UNIT), BigInteger.ZERO).getBlockNumber();
        for (int i = 0; i < 5; i++) chain.mine();
        wallet.send(uniswap.usdc, Erc20.approve(spenderB, USDC_UNIT), BigInteger.ZERO);
        for (int i = 0; i < 3; i++) chain.mine();
        assertThat(first).isGreaterThan(BigInteger.valueOf(10));

        Recording service = new Recording(chain.rpcUrl().toString());
        Web3j web3j = Web3j.build(service);
        BigInteger latest = web3j.ethBlockNumber().send().getBlockNumber();
        ApprovalLogScan scan = new ApprovalLogScan(web3j, 4);
        assertThat(scan.firstTransactionBlock(key.getAddress(), latest)).contains(first);

        Map<String, Set<String>> found = scan.spenders(key.getAddress(), List.of(uniswap.usdc), first, latest);
        assertThat(found.get(uniswap.usdc.toLowerCase(Locale.ROOT))).containsExactly(spenderA, spenderB);
        // chunks of at most 4 blocks, from the first transaction's block to the head without a gap; none from block 0
        assertThat(service.logQueries).hasSizeGreaterThan(2);
        BigInteger expectedFrom = first;
        for (EthFilter q : service.logQueries) {
            BigInteger from = Numeric.decodeQuantity(q.getFromBlock().getValue());
            BigInteger to = Numeric.decodeQuantity(q.getToBlock().getValue());
            assertThat(from).isEqualTo(expectedFrom);
            assertThat(to.subtract(from)).isLessThan(BigInteger.valueOf(4));
            expectedFrom = to.add(BigInteger.ONE);
        }
        assertThat(expectedFrom).isEqualTo(latest.add(BigInteger.ONE));
        web3j.shutdown();
    }

    @Test
    void aWalletThatNeverSentAnythingHasNothingToScanBeforeTheHead() throws Exception {
        Credentials key = Credentials.create(Keys.createEcKeyPair());
        Web3j web3j = chain.web3j();
        BigInteger latest = web3j.ethBlockNumber().send().getBlockNumber();
        assertThat(new ApprovalLogScan(web3j).firstTransactionBlock(key.getAddress(), latest)).contains(latest);
    }
}

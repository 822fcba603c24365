package dev.botfleet.dex.gas;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthFeeHistory;

import java.io.IOException;

/** Reads {@code eth_feeHistory} for the last blocks with the percentiles every {@link Aggressiveness} needs. */
public final class FeeHistoryReader {

    /** Twenty blocks: about four minutes on mainnet, enough for a median that ignores one odd block. */
    public static final int DEFAULT_BLOCKS = 20;

    private final Web3j web3j;
    private final int blocks;

    public FeeHistoryReader(Web3j web3j, int blocks) {
        if (blocks < 1 || blocks > 1024) {
            throw new IllegalArgumentException("blocks must be 1..1024");
        }
        this.web3j = web3j;
        this.blocks = blocks;
    }

    public FeeHistory read() throws IOException {
        EthFeeHistory answer = web3j.ethFeeHistory(blocks, DefaultBlockParameterName.LATEST, Aggressiveness.PERCENTILES)
                .send();
        if (answer.hasError()) {
            throw new IOException("eth_feeHistory failed: " + answer.getError().getMessage());
        }
        EthFeeHistory.FeeHistory h = answer.getFeeHistory();
        return new FeeHistory(h.getOldestBlock().longValueExact(), h.getBaseFeePerGas(), h.getGasUsedRatio(),
                h.getReward() == null ? java.util.List.of() : h.getReward(), Aggressiveness.PERCENTILES);
    }
}

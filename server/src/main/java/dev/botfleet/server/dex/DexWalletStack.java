package dev.botfleet.server.dex;

import dev.botfleet.dex.gas.FeeHistoryReader;
import dev.botfleet.dex.gas.FeePolicy;
import dev.botfleet.dex.gas.FeeStrategy;
import dev.botfleet.dex.signer.TransactionSigner;
import dev.botfleet.dex.tx.Broadcaster;
import dev.botfleet.dex.tx.ChainClient;
import dev.botfleet.dex.tx.ManagedTransactionSender;
import dev.botfleet.dex.tx.NonceManager;
import dev.botfleet.dex.tx.RevertDecoder;
import dev.botfleet.dex.tx.StuckTxEscalator;
import dev.botfleet.dex.tx.TxManager;
import dev.botfleet.dex.tx.TxTracker;
import org.web3j.protocol.Web3j;

import java.time.Clock;
import java.time.Duration;

/**
 * Everything one wallet sends through on one network, wired the way the dex module's tests wire it: the JDBC journal
 * (journal before broadcast), the wallet's shared nonce manager, the transaction manager, the tracker (receipts,
 * recovery), gas escalation and the {@link ManagedTransactionSender} swaps and approvals use.
 *
 * @param sender what swaps and approvals send through (estimate, sign, journal, broadcast, await the receipt)
 */
record DexWalletStack(String wallet, JdbcTxJournal journal, ChainClient chain, TxManager manager, TxTracker tracker,
                      ManagedTransactionSender sender) {
    /** geth's and ganache's minimum price bump for a same-nonce replacement. */
    static final int BUMP_PERCENT = 10;

    /**
     * @param signer      the wallet's key or its external signer (what it returns is checked before the journal)
     * @param broadcaster normally {@code chain} itself; tests put a crash in between
     * @param policy      how hard to bid for gas ({@link DexFeePolicy})
     */
    static DexWalletStack of(Web3j web3j, long chainId, TransactionSigner signer, JdbcTxJournal journal,
                             ChainClient chain, NonceManager nonces, Broadcaster broadcaster, FeePolicy policy,
                             Clock clock) {
        TxManager manager = new TxManager(chainId, signer, journal, nonces, broadcaster, chain, clock);
        RevertDecoder reverts = new RevertDecoder();
        TxTracker tracker = new TxTracker(journal, chain, broadcaster, reverts, 1, clock, d -> Thread.sleep(d));
        FeeHistoryReader history = new FeeHistoryReader(web3j, FeeHistoryReader.DEFAULT_BLOCKS);
        FeeStrategy strategy = new FeeStrategy();
        StuckTxEscalator.FreshFees fees = () -> strategy.quote(history.read(), policy);
        StuckTxEscalator escalator = new StuckTxEscalator(manager, journal, fees, policy, BUMP_PERCENT,
                Duration.ofSeconds(30), clock);
        ManagedTransactionSender sender = new ManagedTransactionSender(chain, manager, tracker, escalator, fees, reverts,
                Duration.ofMinutes(5), Duration.ofMillis(250));
        return new DexWalletStack(manager.wallet(), journal, chain, manager, tracker, sender);
    }
}

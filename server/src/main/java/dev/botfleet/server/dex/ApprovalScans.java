package dev.botfleet.server.dex;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The wallet screen's approval scan, remembered (V47): where a wallet's history starts on a network (the block of its
 * first transaction), and per token up to which block its Approval logs were read and which spenders they named. A
 * view reads only the blocks since the last one (less {@link #REORG_MARGIN}, in case the chain reorganised), so after
 * the first scan of a token a view costs one chunk. A kept block above the head means the chain was reset: that is
 * forgotten and read again.
 */
@Component
class ApprovalScans {
    /** Blocks read again at every view: logs of a reorganised tail are read from the chain as it is now. */
    static final long REORG_MARGIN = 64;

    private final JdbcClient jdbc;

    ApprovalScans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The spenders of each token (lower-case), from the kept ones and the logs of the blocks not read yet. */
    Map<String, Set<String>> spenders(DexNetworks.Configured network, UUID walletKeyId, String wallet,
                                      List<String> tokens, BigInteger latest, ApprovalLogScan scan) {
        String name = network.network.name();
        long chainId = network.network.chainId();
        BigInteger start = null;
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String token : tokens) {
            String t = token.toLowerCase(Locale.ROOT);
            Optional<Long> scannedTo = jdbc.sql("SELECT scanned_to FROM dex_wallet_approval_scans WHERE wallet_key_id"
                            + " = :k AND network = :n AND token = :t AND chain_id = :c").param("k", walletKeyId)
                    .param("n", name).param("t", t).param("c", chainId).query(Long.class).optional();
            BigInteger from;
            if (scannedTo.isPresent() && BigInteger.valueOf(scannedTo.get()).compareTo(latest) <= 0) {
                from = BigInteger.valueOf(scannedTo.get()).subtract(BigInteger.valueOf(REORG_MARGIN - 1))
                        .max(BigInteger.ZERO);
            } else {
                forget(walletKeyId, name, t);   // never read, another chain, or a reset chain: from the start
                if (start == null) start = start(network, walletKeyId, wallet, latest, scan);
                from = start;
            }
            Set<String> spenders = new LinkedHashSet<>(jdbc.sql("SELECT spender FROM dex_wallet_approval_spenders"
                            + " WHERE wallet_key_id = :k AND network = :n AND token = :t").param("k", walletKeyId)
                    .param("n", name).param("t", t).query(String.class).list());
            for (String spender : scan.spenders(wallet, List.of(token), from, latest).getOrDefault(t, Set.of())) {
                if (spenders.add(spender)) {
                    insertIgnoringRace(jdbc.sql("INSERT INTO dex_wallet_approval_spenders (wallet_key_id, network,"
                            + " token, spender) VALUES (:k, :n, :t, :s)").param("k", walletKeyId).param("n", name)
                            .param("t", t).param("s", spender));
                }
            }
            jdbc.sql("DELETE FROM dex_wallet_approval_scans WHERE wallet_key_id = :k AND network = :n AND token = :t")
                    .param("k", walletKeyId).param("n", name).param("t", t).update();
            insertIgnoringRace(jdbc.sql("INSERT INTO dex_wallet_approval_scans (wallet_key_id, network, chain_id, token,"
                    + " scanned_to) VALUES (:k, :n, :c, :t, :s)").param("k", walletKeyId).param("n", name)
                    .param("c", chainId).param("t", t).param("s", latest.longValueExact()));
            out.put(t, spenders);
        }
        return out;
    }

    /**
     * Where a token's first scan starts: the block of the wallet's first transaction on this network, found once and
     * kept. A node without old state cannot say: then the first block of a transaction the journal holds for the
     * wallet, else only the newest blocks the scan allows ({@link ApprovalLogScan#MAX_CHUNKS}).
     */
    BigInteger start(DexNetworks.Configured network, UUID walletKeyId, String wallet, BigInteger latest,
                     ApprovalLogScan scan) {
        String name = network.network.name();
        long chainId = network.network.chainId();
        Optional<Long> kept = jdbc.sql("SELECT from_block FROM dex_wallet_scan_starts WHERE wallet_key_id = :k"
                        + " AND network = :n AND chain_id = :c").param("k", walletKeyId).param("n", name)
                .param("c", chainId).query(Long.class).optional();
        if (kept.isPresent() && BigInteger.valueOf(kept.get()).compareTo(latest) <= 0) {
            return BigInteger.valueOf(kept.get());
        }
        Optional<BigInteger> first = scan.firstTransactionBlock(wallet, latest);
        if (first.isPresent()) {
            jdbc.sql("DELETE FROM dex_wallet_scan_starts WHERE wallet_key_id = :k AND network = :n")
                    .param("k", walletKeyId).param("n", name).update();
            insertIgnoringRace(jdbc.sql("INSERT INTO dex_wallet_scan_starts (wallet_key_id, network, chain_id,"
                    + " from_block) VALUES (:k, :n, :c, :s)").param("k", walletKeyId).param("n", name)
                    .param("c", chainId).param("s", first.get().longValueExact()));
            return first.get();
        }
        return jdbc.sql("SELECT MIN(block_number) FROM dex_transactions WHERE LOWER(wallet) = :w AND chain_id = :c")
                .param("w", wallet.toLowerCase(Locale.ROOT)).param("c", chainId).query(Long.class).list().stream()
                .filter(Objects::nonNull).findFirst().map(BigInteger::valueOf)
                .orElse(latest.subtract(BigInteger.valueOf(ApprovalLogScan.CHUNK * ApprovalLogScan.MAX_CHUNKS))
                        .max(BigInteger.ONE));
    }

    private void forget(UUID walletKeyId, String network, String token) {
        for (String table : List.of("dex_wallet_approval_scans", "dex_wallet_approval_spenders")) {
            jdbc.sql("DELETE FROM " + table + " WHERE wallet_key_id = :k AND network = :n AND token = :t")
                    .param("k", walletKeyId).param("n", network).param("t", token).update();
        }
    }

    /** Two views at once may keep the same row; the second one's insert changes nothing. */
    private static void insertIgnoringRace(JdbcClient.StatementSpec insert) {
        try {
            insert.update();
        } catch (DuplicateKeyException raced) {
            // the same answer, kept by the other view
        }
    }
}

package dev.botfleet.server.dex;

import dev.botfleet.dex.tx.TxKind;
import dev.botfleet.dex.tx.TxRecord;
import dev.botfleet.dex.tx.TxStatus;
import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's transaction journal keeps the dex module's journal contract (FileTxJournalTest's cases, ported): the
 * latest state of a record wins, open records and nonces per wallet and chain, rejected nonces not held, free text
 * kept exactly; and what only it has: the origin of a record, inherited by its replacement, and a record found by its
 * bot's order. A fresh journal object sees everything (the row was committed when save returned).
 */
abstract class JdbcTxJournalCases extends ApiTestBase {
    private static final String WALLET = "0xABCdef0000000000000000000000000000000001";
    private static final String WALLET_LOWER = WALLET.toLowerCase();

    private static TxRecord record(String hash, long chainId, long nonce, TxStatus status) {
        return new TxRecord(hash, WALLET, chainId, BigInteger.valueOf(nonce), TxKind.SEND, null,
                "0x0000000000000000000000000000000000000002", BigInteger.TEN, "0x",
                BigInteger.valueOf(21_000), new BigInteger("115792089237316195423570985008687907853269984665640564039457"),
                BigInteger.valueOf(2), "0xf86c", status, null, null, Instant.parse("2026-12-03T20:00:00Z"));
    }

    private JdbcTxJournal journal(UUID owner, long chainId) {
        return new JdbcTxJournal(jdbc, Clock.systemUTC(), "local", chainId,
                new JdbcTxJournal.Origin(owner, null, null, JdbcTxJournal.Purpose.OTHER));
    }

    private static String hash(String tail) {
        return "0x" + "0".repeat(64 - tail.length()) + tail;
    }

    @Test
    void recordsKeepTheirLatestStateAndAFreshJournalSeesThem() {
        UUID owner = newUser().id();
        long chain = 70_000 + (long) (Math.random() * 1_000_000);
        JdbcTxJournal journal = journal(owner, chain);
        journal.save(record(hash("AA"), chain, 0, TxStatus.SIGNED));
        journal.save(record(hash("bb"), chain, 1, TxStatus.SIGNED));
        journal.save(record(hash("aa"), chain, 0, TxStatus.SENT));
        journal.save(record(hash("bb"), chain, 1, TxStatus.SIGNED).withStatus(TxStatus.FAILED, 7L, "tab\there\nand a newline"));

        JdbcTxJournal reopened = journal(owner, chain);
        assertThat(reopened.find(hash("AA"))).get().extracting(TxRecord::status).isEqualTo(TxStatus.SENT);
        TxRecord failed = reopened.find(hash("bb")).orElseThrow();
        assertThat(failed.reason()).isEqualTo("tab\there\nand a newline");
        assertThat(failed.blockNumber()).isEqualTo(7L);
        assertThat(failed.maxFeePerGas()).isEqualTo(new BigInteger("115792089237316195423570985008687907853269984665640564039457"));
        assertThat(failed.wallet()).isEqualTo(WALLET_LOWER);
        assertThat(failed.createdAt()).isEqualTo(Instant.parse("2026-12-03T20:00:00Z"));
        assertThat(reopened.open(WALLET)).extracting(TxRecord::hash).containsExactly(hash("aa"));
        assertThat(reopened.highestNonce(WALLET)).contains(BigInteger.ONE);
        assertThat(reopened.atNonce(WALLET, BigInteger.ZERO)).hasSize(1);
    }

    @Test
    void rejectedNoncesAreNotHeldAndChainsAreApart() {
        UUID owner = newUser().id();
        long chain = 70_000 + (long) (Math.random() * 1_000_000);
        JdbcTxJournal journal = journal(owner, chain);
        journal.save(record(hash("01"), chain, 0, TxStatus.SENT));
        journal.save(record(hash("02"), chain, 1, TxStatus.REJECTED));
        assertThat(journal.highestNonce(WALLET)).contains(BigInteger.ZERO);

        JdbcTxJournal otherChain = journal(owner, chain + 1);
        assertThat(otherChain.highestNonce(WALLET)).isEmpty();
        assertThat(otherChain.open(WALLET)).isEmpty();
        otherChain.save(record(hash("03"), chain + 1, 5, TxStatus.SIGNED));
        assertThat(journal.highestNonce(WALLET)).contains(BigInteger.ZERO);
        assertThat(otherChain.highestNonce(WALLET)).contains(BigInteger.valueOf(5));
    }

    @Test
    void aReplacementInheritsTheOriginOfWhatItReplacesAndAnOrdersRecordsAreFound() {
        UUID owner = newUser().id();
        long chain = 70_000 + (long) (Math.random() * 1_000_000);
        JdbcTxJournal journal = journal(owner, chain);
        // a bot row for the foreign key: the order's records are found by bot and client order id
        UUID bot = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO bots (id, owner_id, name, exchange, symbol, strategy, mode, status, config, created_at, updated_at)
                VALUES (:id, :owner, 'b', 'sim', 'BTC/USDT', 'scalper', 'LIVE', 'STOPPED', '{}', :now, :now)""")
                .param("id", bot).param("owner", owner).param("now", java.time.OffsetDateTime.now()).update();
        journal.stamp(new JdbcTxJournal.Origin(owner, bot, "o-1", JdbcTxJournal.Purpose.APPROVE));
        journal.save(record(hash("c1"), chain, 3, TxStatus.SIGNED));
        journal.stamp(new JdbcTxJournal.Origin(owner, bot, "o-1", JdbcTxJournal.Purpose.SWAP));
        journal.save(record(hash("c2"), chain, 4, TxStatus.SENT));
        journal.stamp(new JdbcTxJournal.Origin(owner, null, null, JdbcTxJournal.Purpose.REVOKE));
        TxRecord replacement = new TxRecord(hash("c3"), WALLET, chain, BigInteger.valueOf(4), TxKind.REPLACEMENT,
                hash("c2"), "0x0000000000000000000000000000000000000002", BigInteger.TEN, "0x",
                BigInteger.valueOf(21_000), BigInteger.valueOf(40), BigInteger.valueOf(3), "0xf86d", TxStatus.SIGNED,
                null, null, Instant.parse("2026-12-03T20:00:01Z"));
        journal.save(replacement);

        assertThat(journal(owner, chain).ofOrder(bot, "o-1"))
                .extracting(s -> s.record().hash() + " " + s.purpose())
                .containsExactly(hash("c1") + " APPROVE", hash("c2") + " SWAP", hash("c3") + " SWAP");
        assertThat(journal.ofOrder(bot, "o-2")).isEmpty();
    }
}

package dev.botfleet.dex.tx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FileTxJournalTest {

    @TempDir
    Path dir;

    static TxRecord record(String hash, long nonce, TxStatus status) {
        return new TxRecord(hash, "0xABCdef0000000000000000000000000000000001", 1337, BigInteger.valueOf(nonce),
                TxKind.SEND, null, "0x0000000000000000000000000000000000000002", BigInteger.TEN, "0x", 
                BigInteger.valueOf(21_000), BigInteger.valueOf(30), BigInteger.valueOf(2), "0xf86c", status, null,
                null, Instant.parse("2026-12-03T20:00:00Z"));
    }

    @Test
    void recordsSurviveAReopenWithTheirLatestState() {
        Path file = dir.resolve("tx.journal");
        FileTxJournal journal = new FileTxJournal(file);
        journal.save(record("0xAA", 0, TxStatus.SIGNED));
        journal.save(record("0xbb", 1, TxStatus.SIGNED));
        journal.save(record("0xaa", 0, TxStatus.SENT));
        journal.save(record("0xbb", 1, TxStatus.SIGNED).withStatus(TxStatus.FAILED, 7L, "tab\there\nand a newline"));
        journal.close();

        FileTxJournal reopened = new FileTxJournal(file);
        String wallet = "0xabcdef0000000000000000000000000000000001";
        assertThat(reopened.find("0xaa")).get().extracting(TxRecord::status).isEqualTo(TxStatus.SENT);
        TxRecord failed = reopened.find("0xbb").orElseThrow();
        assertThat(failed.reason()).isEqualTo("tab\there\nand a newline");
        assertThat(failed.blockNumber()).isEqualTo(7L);
        assertThat(reopened.open(wallet)).extracting(TxRecord::hash).containsExactly("0xaa");
        assertThat(reopened.highestNonce(wallet)).contains(BigInteger.ONE);
        assertThat(reopened.atNonce(wallet, BigInteger.ZERO)).hasSize(1);
    }

    @Test
    void aLineTornByACrashIsSkippedAndRejectedNoncesAreNotHeld() throws Exception {
        Path file = dir.resolve("tx.journal");
        FileTxJournal journal = new FileTxJournal(file);
        journal.save(record("0x01", 0, TxStatus.SENT));
        journal.save(record("0x02", 1, TxStatus.REJECTED));
        journal.close();
        Files.writeString(file, "0x03\t0xabc\t1337\t2\tSE", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        FileTxJournal reopened = new FileTxJournal(file);
        assertThat(reopened.find("0x03")).isEmpty();
        assertThat(reopened.highestNonce("0xabcdef0000000000000000000000000000000001")).contains(BigInteger.ZERO);
        reopened.save(record("0x04", 2, TxStatus.SIGNED));
        reopened.close();
        assertThat(new FileTxJournal(file).find("0x04")).isPresent();
    }
}

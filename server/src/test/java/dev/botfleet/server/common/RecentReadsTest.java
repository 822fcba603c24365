package dev.botfleet.server.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RecentReadsTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final RecentReads<String, Integer> recent = new RecentReads<>(Duration.ofSeconds(1), now::get);
    private final AtomicInteger reads = new AtomicInteger();

    private Integer read(String key) {
        return reads.incrementAndGet();
    }

    @Test
    void aKeyIsReadOnceWithinTheMaximumAgeAndAgainAfterIt() {
        assertThat(recent.get("alice", this::read)).isEqualTo(1);
        now.addAndGet(999_999_999);
        assertThat(recent.get("alice", this::read)).isEqualTo(1);
        assertThat(reads).hasValue(1);
        now.addAndGet(1);
        assertThat(recent.get("alice", this::read)).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void keysAreKeptApart() {
        assertThat(recent.get("alice", this::read)).isEqualTo(1);
        assertThat(recent.get("bob", this::read)).isEqualTo(2);
        assertThat(recent.get("alice", this::read)).isEqualTo(1);
    }

    @Test
    void aForgottenKeyIsReadAgainAtOnce() {
        recent.get("alice", this::read);
        recent.get("bob", this::read);
        recent.forget("alice");
        assertThat(recent.get("alice", this::read)).isEqualTo(3);
        assertThat(recent.get("bob", this::read)).isEqualTo(2);
        recent.forgetAll();
        assertThat(recent.get("bob", this::read)).isEqualTo(4);
    }

    @Test
    void aReadDuringWhichTheRowsChangedIsNotKept() {
        // the read began before the write's forget: it may hold the rows as they were, so the next get reads again
        assertThat(recent.get("alice", key -> {
            recent.forget("alice");
            return -1;
        })).isEqualTo(-1);
        assertThat(recent.get("alice", this::read)).isEqualTo(1);
        assertThat(recent.get("alice", this::read)).isEqualTo(1);
    }

    @Test
    void outsideATransactionForgetAfterCommitForgetsAtOnce() {
        recent.get("alice", this::read);
        recent.forgetAfterCommit("alice");
        assertThat(recent.get("alice", this::read)).isEqualTo(2);
        recent.forgetAllAfterCommit();
        assertThat(recent.get("alice", this::read)).isEqualTo(3);
    }
}

package dev.botfleet.server.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which nice value the write-behind writers get, per database (TransactionsConfig#writerNiceness). */
class WriterNicenessTest {
    private static final String H2 = "jdbc:h2:file:/tmp/x/botfleet;MODE=PostgreSQL;WRITE_DELAY=0";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void postgresWritersTakeTheLeftoverCpuUnlessConfiguredOtherwise() {
        assertThat(TransactionsConfig.writerNiceness(null, POSTGRES)).isEqualTo(10);
        assertThat(TransactionsConfig.writerNiceness(19, POSTGRES)).isEqualTo(19);
        assertThat(TransactionsConfig.writerNiceness(0, POSTGRES)).isZero();
    }

    @Test
    void h2WritersKeepNormalPriorityBecauseH2ShowsACommitBeforeItIsOnDisk() {
        assertThat(TransactionsConfig.writerNiceness(null, H2)).isZero();
        assertThat(TransactionsConfig.writerNiceness(0, H2)).isZero();
        assertThatThrownBy(() -> TransactionsConfig.writerNiceness(10, H2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("botfleet.journal.writer-niceness must be 0 on H2, was 10");
    }
}

package dev.botfleet.server.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {
    @Test
    void aTimeOrderedIdIsAVersion7UuidCarryingItsMillisecond() {
        long at = 1_796_000_000_123L;  // late November 2026
        UUID id = Ids.timeOrdered(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", at >>> 16, at & 0xFFFF));
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsTextAndAsUuidsAndNoneRepeats() {
        List<UUID> ids = new ArrayList<>();
        for (long ms = 1_796_000_000_000L; ms < 1_796_000_000_050L; ms++) ids.add(Ids.timeOrdered(ms));
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).compareTo(ids.get(i - 1))).isPositive();
            assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());  // PostgreSQL's order
        }
        HashSet<UUID> many = new HashSet<>();
        for (int i = 0; i < 10_000; i++) many.add(Ids.timeOrdered(1_796_000_000_000L));
        assertThat(many).as("74 random bits within one millisecond").hasSize(10_000);
    }
}

package dev.botfleet.server.activity;

import dev.botfleet.server.common.Ids;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The activity log's retention deletes the lines older than it — more than one batch of them — and nothing younger:
 * not a line whose id is old but whose own time is recent, not another user's recent line.
 */
abstract class ActivityRetentionCases extends ApiTestBase {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Autowired
    NamedParameterJdbcOperations rows;
    @Autowired
    ActivityRetention ofTheServer;

    @Test
    void linesOlderThanTheRetentionGoInBatchesAndEveryYoungerLineStays() {
        Session user = newUser();
        List<MapSqlParameterSource> lines = new ArrayList<>();
        for (int i = 0; i < ActivityRetention.BATCH + 5; i++) {
            lines.add(line(user, "old " + i, NOW.minus(Duration.ofDays(31)).plusMillis(i), null));
        }
        lines.add(line(user, "29 days", NOW.minus(Duration.ofDays(29)), null));
        lines.add(line(user, "old id, recent time", NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(1))));
        rows.batchUpdate("INSERT INTO activity_logs (id, owner_id, level, message, created_at)"
                + " VALUES (:id, :owner, 'INFO', :message, :created)", lines.toArray(MapSqlParameterSource[]::new));

        ActivityRetention retention = new ActivityRetention(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
        assertThat(retention.prune()).isGreaterThanOrEqualTo(ActivityRetention.BATCH + 5);
        assertThat(jdbc.sql("SELECT message FROM activity_logs WHERE owner_id = :owner ORDER BY message")
                .param("owner", user.id()).query(String.class).list())
                .containsExactly("29 days", "old id, recent time");
        assertThat(retention.prune()).as("nothing left to delete").isZero();
    }

    @Test
    void aRetentionOfZeroKeepsEveryLineAndANegativeOneIsRefused() {
        Session user = newUser();
        rows.update("INSERT INTO activity_logs (id, owner_id, level, message, created_at)"
                + " VALUES (:id, :owner, 'INFO', :message, :created)", line(user, "a year old", NOW.minus(Duration.ofDays(365)), null));
        assertThat(new ActivityRetention(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO).prune()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity_logs WHERE owner_id = :owner").param("owner", user.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> new ActivityRetention(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("botfleet.activity.retention");
        assertThat(ofTheServer.isRunning()).as("the server's own retention runs").isTrue();
    }

    /** A line made at {@code idTime} (its id) and stamped {@code created} (null: the same time). */
    private static MapSqlParameterSource line(Session user, String message, Instant idTime, Instant created) {
        UUID id = Ids.timeOrdered(idTime.toEpochMilli());
        return new MapSqlParameterSource().addValue("id", id).addValue("owner", user.id()).addValue("message", message)
                .addValue("created", Times.sql(created == null ? idTime : created));
    }
}

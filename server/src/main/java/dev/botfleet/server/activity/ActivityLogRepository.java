package dev.botfleet.server.activity;

import dev.botfleet.server.common.BatchedRow;
import dev.botfleet.server.common.OwnedBot;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

@Repository
public class ActivityLogRepository {
    private static final RowMapper<ActivityLog> ROW = (rs, n) -> new ActivityLog(rs.getObject("id", UUID.class),
            rs.getObject("owner_id", UUID.class), rs.getObject("bot_id", UUID.class),
            LogLevel.valueOf(rs.getString("level")), rs.getString("message"), Times.read(rs, "created_at"));

    /** Optional filter (a null level switches it off). */
    private static final String LEVEL = " AND (CAST(:level AS VARCHAR(8)) IS NULL OR level = :level)";

    /**
     * The owner's lines, or one bot's by the bot's index ({@link OwnedBot}); not "(:bot IS NULL OR bot_id = :bot)",
     * which the planner cannot narrow: a bot's page then read every line of its owner's fleet.
     */
    private static String filter(UUID botId) {
        return "WHERE " + (botId == null ? "owner_id = :owner AND CAST(:bot AS UUID) IS NULL" : OwnedBot.ROWS) + LEVEL;
    }

    /**
     * A bot that no longer exists (a runtime's last words racing a delete) leaves the entry without a bot rather than
     * failing it: the foreign key would otherwise refuse the row. The bot is found by its primary key alone (the owner
     * compared as {@link dev.botfleet.server.common.OwnedBot} says why).
     */
    static final String INSERT = """
            INSERT INTO activity_logs (id, owner_id, bot_id, level, message, created_at)
            VALUES (:id, :owner, (SELECT b.id FROM bots b WHERE b.id = :bot AND b.owner_id IS NOT DISTINCT FROM :owner),
                :level, :message, :created)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations rows;

    public ActivityLogRepository(JdbcClient jdbc, NamedParameterJdbcOperations rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    public void insert(ActivityLog log) {
        row(log).insertNow();
    }

    /** The entry's insert, for a group commit to batch ({@link BatchedRow}). */
    public BatchedRow row(ActivityLog log) {
        return new BatchedRow(rows, INSERT, new MapSqlParameterSource()
                .addValue("id", log.id()).addValue("owner", log.ownerId()).addValue("bot", log.botId())
                .addValue("level", log.level().name()).addValue("message", log.message())
                .addValue("created", Times.sql(log.createdAt())));
    }

    /**
     * A page of the owner's lines (along the owner's index, owner_id and seq) or of one bot's (along the bot's, bot_id
     * and seq), newest first: read backwards, stopping at the page's last line rather than sorting the whole log.
     */
    static String page(UUID botId) {
        return "SELECT * FROM activity_logs " + filter(botId) + " ORDER BY seq DESC LIMIT :limit OFFSET :offset";
    }

    public List<ActivityLog> find(UUID ownerId, LogLevel level, UUID botId, Paging paging) {
        return jdbc.sql(page(botId))
                .param("owner", ownerId).param("level", level == null ? null : level.name()).param("bot", botId)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(ROW).list();
    }

    public long count(UUID ownerId, LogLevel level, UUID botId) {
        return jdbc.sql("SELECT COUNT(*) FROM activity_logs " + filter(botId))
                .param("owner", ownerId).param("level", level == null ? null : level.name()).param("bot", botId)
                .query(Long.class).single();
    }

    /** Whether {@code botId} is one of the owner's bots (reads the bots table to keep activity free of the bot package). */
    public boolean ownsBot(UUID ownerId, UUID botId) {
        return jdbc.sql("SELECT COUNT(*) FROM bots WHERE id = :bot AND owner_id IS NOT DISTINCT FROM :owner")
                .param("bot", botId).param("owner", ownerId).query(Long.class).single() > 0;
    }
}

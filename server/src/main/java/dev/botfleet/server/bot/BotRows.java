package dev.botfleet.server.bot;

import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.server.common.Times;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.UUID;

/** A row of the bots table as a {@link Bot}: the one mapping the repository and the directory share. */
final class BotRows {
    private static final TypeReference<LinkedHashMap<String, Object>> CONFIG = new TypeReference<>() {
    };

    private BotRows() {
    }

    static RowMapper<Bot> mapper(JsonMapper json) {
        return (rs, n) -> new Bot(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("name"), rs.getString("exchange"), rs.getString("symbol"), rs.getString("strategy"),
                BotMode.valueOf(rs.getString("mode")), BotStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), json.readValue(rs.getString("config"), CONFIG),
                rs.getBigDecimal("pnl"), rs.getLong("total_trades"), Times.read(rs, "last_fill_time"),
                Times.read(rs, "created_at"), Times.read(rs, "updated_at"), rs.getObject("credential_id", UUID.class),
                margin(rs.getBigDecimal("leverage"), rs.getString("margin_mode")));
    }

    private static MarginSettings margin(BigDecimal leverage, String mode) {
        if (leverage == null) return null;
        return new MarginSettings(leverage.stripTrailingZeros(), mode == null ? MarginMode.ISOLATED : MarginMode.valueOf(mode));
    }
}

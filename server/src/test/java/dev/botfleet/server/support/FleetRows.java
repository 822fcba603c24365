package dev.botfleet.server.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** A user and their paper bots inserted as rows, for tests of the journal's queries on a bare migrated schema. */
public final class FleetRows {
    private FleetRows() {
    }

    /** Inserts the user {@code owner} and {@code count} ACTIVE paper scalpers of theirs; the bots' ids, in order. */
    public static UUID[] userWithBots(JdbcClient jdbc, UUID owner, String email, int count) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO users (id, email, password_hash, role, created_at, updated_at)"
                + " VALUES (:id, :email, 'x', 'USER', :now, :now)").param("id", owner).param("email", email)
                .param("now", now).update();
        UUID[] bots = new UUID[count];
        for (int i = 0; i < count; i++) {
            bots[i] = UUID.randomUUID();
            jdbc.sql("INSERT INTO bots (id, owner_id, name, exchange, symbol, strategy, mode, status, config, created_at,"
                            + " updated_at) VALUES (:id, :owner, 'b', 'sim', 'BTC/USDT', 'scalper', 'PAPER', 'ACTIVE', '{}',"
                            + " :now, :now)")
                    .param("id", bots[i]).param("owner", owner).param("now", now).update();
        }
        return bots;
    }

    /** The bots as a PostgreSQL array literal ({@code ARRAY['…', …]::uuid[]}), to spread generated rows over them. */
    public static String uuidArray(UUID[] bots) {
        return "ARRAY['" + String.join("', '", Arrays.stream(bots).map(UUID::toString).toList()) + "']::uuid[]";
    }
}

package dev.botfleet.server.config;

import com.zaxxer.hikari.HikariDataSource;
import dev.botfleet.server.support.PostgresAvailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBatchingTest {

    @Test
    void aPostgresPoolSendsBatchedInsertsAsMultiRowStatementsUnlessTheOperatorSaidOtherwise() {
        assertThat(rewrites(pool("jdbc:postgresql://127.0.0.1:5432/test"))).isEqualTo("true");
        assertThat(rewrites(pool("jdbc:h2:mem:x"))).as("not an H2 setting").isNull();

        HikariDataSource saidNo = pool("jdbc:postgresql://127.0.0.1:5432/test");
        saidNo.addDataSourceProperty("reWriteBatchedInserts", "false");
        assertThat(rewrites(saidNo)).isEqualTo("false");
        HikariDataSource inTheUrl = pool("jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=false");
        assertThat(rewrites(inTheUrl)).as("the URL's own setting stands").isNull();
    }

    @Test
    @ExtendWith(PostgresAvailable.class)
    void theDriverThenTellsNoCountPerInsertedRowWhichTheBatchesDoNotNeed() throws Exception {
        HikariDataSource data = pool("jdbc:postgresql://127.0.0.1:5432/test");
        data.setUsername("postgres");
        try (data; Connection c = data.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE rewritten (v INT)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO rewritten (v) VALUES (?)")) {
                for (int i = 0; i < 3; i++) {
                    insert.setInt(1, i);
                    insert.addBatch();
                }
                // rewritten into multi-row inserts (of 2, 4, 8... rows): their rows' counts are "succeeded, not
                // counted"; sent one by one, each would count 1
                assertThat(insert.executeBatch()).contains(Statement.SUCCESS_NO_INFO);
            }
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource data = new HikariDataSource();
        data.setJdbcUrl(url);
        PostgresBatching.rewriteInserts(data);
        return data;
    }

    private static Object rewrites(HikariDataSource data) {
        return data.getDataSourceProperties().get("reWriteBatchedInserts");
    }
}

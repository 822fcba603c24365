package dev.botfleet.server.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On PostgreSQL, the driver sends a JDBC batch of inserts as multi-row {@code INSERT ... VALUES} statements
 * ({@code reWriteBatchedInserts}) unless the operator set that property: a group commit writes its activity lines,
 * order intents, sim receipts and deals as such batches, and PostgreSQL then runs one statement per up to 128 rows
 * instead of one per row. With 1,000 trading paper bots the writers stored about twice as many units a second
 * (docs/fleet-scale.md, "A fill as rows"). Updates and {@code INSERT ... SELECT} are not rewritten, so the rows whose
 * count is checked ({@link dev.botfleet.server.common.BatchedRow#unchanged()}) keep their counts.
 */
@Configuration(proxyBeanMethods = false)
class PostgresBatching {
    static final String PROPERTY = "reWriteBatchedInserts";

    @Bean
    static BeanPostProcessor postgresBatchedInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource data) rewriteInserts(data);
                return bean;
            }
        };
    }

    /** Sets the property on a PostgreSQL pool whose URL and properties do not say otherwise. */
    static void rewriteInserts(HikariDataSource data) {
        String url = data.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:") || url.contains(PROPERTY + "=")) return;
        if (data.getDataSourceProperties().containsKey(PROPERTY)) return;
        data.addDataSourceProperty(PROPERTY, "true");
    }
}

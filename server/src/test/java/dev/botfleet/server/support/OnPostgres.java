package dev.botfleet.server.support;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against the local PostgreSQL (127.0.0.1:5432, db test), in a schema created fresh for this test
 * run. With CI=true an unreachable PostgreSQL fails the tests; elsewhere they are skipped.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(properties = {TestProperties.DATA_DIR, TestProperties.FAST_BCRYPT, TestProperties.DEBUG_LOGS, TestProperties.FAST_SIM})
@ContextConfiguration(initializers = PostgresSchema.class)
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
public @interface OnPostgres {
}

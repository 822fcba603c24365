package dev.botfleet.server.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a test class against an in-memory H2 database in PostgreSQL mode (one shared context for all such classes). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(properties = {TestProperties.DATA_DIR, TestProperties.FAST_BCRYPT, TestProperties.DEBUG_LOGS, TestProperties.FAST_SIM,
        TestProperties.H2_URL})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
public @interface OnH2 {
}

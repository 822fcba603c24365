package dev.botfleet.server.auth.reset;

import dev.botfleet.server.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** Its own context (mail on, its own in-memory database), so the shared API context keeps mail off. */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "botfleet.sim.tick-interval=50ms",
        "spring.datasource.url=jdbc:h2:mem:botfleet-reset;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class PasswordResetH2Test extends PasswordResetCases {
}

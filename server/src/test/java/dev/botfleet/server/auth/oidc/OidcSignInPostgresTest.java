package dev.botfleet.server.auth.oidc;

import dev.botfleet.server.support.PostgresAvailable;
import dev.botfleet.server.support.PostgresSchema;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

@ExtendWith(PostgresAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4"})
@ContextConfiguration(initializers = PostgresSchema.class)
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class OidcSignInPostgresTest extends OidcSignInCases {
}

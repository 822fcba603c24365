package dev.botfleet.server.auth.oidc;

import dev.botfleet.server.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:mem:botfleet-oidc;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class OidcSignInH2Test extends OidcSignInCases {
}

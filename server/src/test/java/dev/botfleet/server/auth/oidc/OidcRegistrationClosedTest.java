package dev.botfleet.server.auth.oidc;

import dev.botfleet.server.support.ApiTestBase;
import dev.botfleet.server.support.TestClockConfig;
import dev.botfleet.server.user.Role;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** botfleet.registration.enabled=false: a provider sign-in reaches existing accounts only (its own context, H2). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "botfleet.registration.enabled=false", "botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:mem:botfleet-oidc-closed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class OidcRegistrationClosedTest extends ApiTestBase {
    @LocalServerPort
    int port;
    @Autowired
    UserRepository users;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        MockProvider.configure(registry);
    }

    private URI signIn() {
        Browser browser = new Browser();
        URI authorization = browser.hop(URI.create("http://localhost:" + port + "/api/v1/auth/oidc/mock/start"));
        return browser.hop(browser.hop(authorization));
    }

    @Test
    void aNewEmailIsRefusedAndAnExistingAccountSignsIn() {
        String newcomer = uniqueEmail();
        MockProvider.next("sub-" + UUID.randomUUID(), newcomer, true);
        URI refused = signIn();
        assertThat(refused.getPath()).isEqualTo("/login");
        assertThat(Browser.query(refused)).containsExactly(Map.entry("oidcError", "registration_closed"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oidc_links").query(Long.class).single()).isZero();

        // an account the administrator made before closing sign-up
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        User existing = new User(UUID.randomUUID(), uniqueEmail(), "$2a$04$not-a-usable-hash", Role.USER, 0, now, now, null);
        users.insert(existing);
        MockProvider.next("sub-" + UUID.randomUUID(), existing.email(), true);
        URI landing = signIn();
        assertThat(landing.getPath()).as(landing.toString()).isEqualTo("/login/oidc");
        Answer token = post("/api/v1/auth/oidc/exchange", null, Map.of("code", Browser.query(landing).get("code")));
        assertThat(token.status()).isEqualTo(200);
        Answer me = get("/api/v1/me", new Session(null, null, null, token.body().get("token").asString()));
        assertThat(me.body().get("id").asString()).isEqualTo(existing.id().toString());
    }
}

package dev.botfleet.server.auth.siwe;

import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.web3j.crypto.Credentials;

import static org.assertj.core.api.Assertions.assertThat;

/** botfleet.siwe.auto-register=false: an unknown address is refused, a linked one still signs in (own H2 context). */
@SpringBootTest(properties = {"botfleet.siwe.auto-register=false", "botfleet.data-dir=target/test-data",
        "botfleet.password.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:mem:botfleet-siwe-closed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class SiweAutoRegisterOffTest extends SiweTestBase {
    @Test
    void anUnknownAddressIsRefusedAndNoAccountIsMade() {
        long before = jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
        Answer a = signIn(signed(newWallet(), signInNonce()));
        assertProblem(a, 403, "SIWE_ADDRESS_NOT_LINKED");
        assertThat(a.body().get("detail").asString()).contains("auto-register=false");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aLinkedAddressStillSignsIn() {
        Session user = newUser();
        Credentials wallet = newWallet();
        assertThat(post("/api/v1/me/wallet-addresses", user, signed(wallet, linkNonce(user))).status()).isEqualTo(201);
        assertThat(signInAs(wallet).id()).isEqualTo(user.id());
    }
}

package dev.botfleet.server.auth.oidc;

import dev.botfleet.server.support.ApiTestBase;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with OpenID Connect against a real provider ({@link MockProvider}) through the real server on a random
 * port: a browser ({@link Browser}) walks start -> provider -> callback -> dashboard, the dashboard's exchange and
 * /me go through the API. Run on H2 and on PostgreSQL.
 */
public abstract class OidcSignInCases extends ApiTestBase {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        MockProvider.configure(registry);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        MockProvider.received();
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** start -> provider -> callback: where the server finally sends the browser (the dashboard or /login with an error). */
    URI signIn(Browser browser) {
        URI authorization = browser.hop(url("/api/v1/auth/oidc/mock/start"));
        URI callback = browser.hop(authorization);
        return browser.hop(callback);
    }

    /** The login code of a successful sign-in (asserting the dashboard page it was sent to). */
    static String loginCode(URI landing) {
        assertThat(landing.getPath()).as(landing.toString()).isEqualTo("/login/oidc");
        String code = Browser.query(landing).get("code");
        assertThat(code).isNotBlank();
        return code;
    }

    static void assertError(URI landing, String code) {
        assertThat(landing.getPath()).as(landing.toString()).isEqualTo("/login");
        assertThat(Browser.query(landing)).containsExactly(Map.entry("oidcError", code));
    }

    Session exchange(String code) {
        Answer a = post("/api/v1/auth/oidc/exchange", null, Map.of("code", code));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        assertThat(a.body().get("expiresAt").asString()).isNotBlank();
        assertThat(a.body().has("secondFactorRequired") && a.body().get("secondFactorRequired").asBoolean()).isFalse();
        Session partial = new Session(null, null, null, a.body().get("token").asString());
        JsonNode me = get("/api/v1/me", partial).body();
        return new Session(UUID.fromString(me.get("id").asString()), me.get("email").asString(), null, partial.token());
    }

    static String sub() {
        return "sub-" + UUID.randomUUID();
    }

    private long links(String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM oidc_links WHERE subject = :s").param("s", subject).query(Long.class).single();
    }

    @Test
    void aNewVerifiedEmailSignsInToANewAccountWithPkceStateAndNonce() {
        String email = uniqueEmail();
        String subject = sub();
        MockProvider.next(subject, email, true);
        Browser browser = new Browser();

        URI authorization = browser.hop(url("/api/v1/auth/oidc/mock/start"));
        assertThat(authorization.toString()).startsWith(MockProvider.issuer() + "/authorize?");
        Map<String, String> asked = Browser.query(authorization);
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", MockProvider.CLIENT_ID)
                .containsEntry("scope", "openid email profile").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", url("/api/v1/auth/oidc/mock/callback").toString());
        assertThat(asked.get("state")).hasSize(43);
        assertThat(asked.get("nonce")).hasSize(43).isNotEqualTo(asked.get("state"));
        URI landing = browser.hop(browser.hop(authorization));
        Session session = exchange(loginCode(landing));

        assertThat(session.email()).isEqualTo(email);
        assertThat(get("/api/v1/me", session).body().get("role").asString()).isIn("ADMIN", "USER");
        assertThat(jdbc.sql("SELECT issuer FROM oidc_links WHERE subject = :s").param("s", subject).query(String.class).single())
                .isEqualTo(MockProvider.issuer());
        // the code went to the token endpoint with our client's secret and the PKCE verifier of this sign-in's challenge
        RecordedRequest token = MockProvider.received().stream()
                .filter(r -> "POST".equals(r.getMethod()) && r.getPath().startsWith("/default/token")).findFirst().orElseThrow();
        assertThat(token.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (MockProvider.CLIENT_ID + ":" + MockProvider.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        Map<String, String> form = Browser.form(token.getBody().readUtf8());
        assertThat(form).containsEntry("grant_type", "authorization_code")
                .containsEntry("redirect_uri", asked.get("redirect_uri"));
        assertThat(OidcSignIn.challenge(form.get("code_verifier"))).isEqualTo(asked.get("code_challenge"));
        // a password login for this account fails like a wrong password: it has none anyone knows
        assertProblem(login(email, "correct-horse-9", nextAddress()), 401, "UNAUTHORIZED");
    }

    @Test
    void aVerifiedEmailOfAPasswordAccountSignsInToItAndKeepsDoingSoAfterTheEmailChangesAtTheProvider() {
        Session existing = newUser();
        String subject = sub();
        MockProvider.next(subject, existing.email().toUpperCase(), true);
        Session viaOidc = exchange(loginCode(signIn(new Browser())));
        assertThat(viaOidc.id()).isEqualTo(existing.id());
        assertThat(login(existing.email(), existing.password(), nextAddress()).status()).isEqualTo(200);
        assertThat(links(subject)).isEqualTo(1);

        String changed = "changed-" + existing.email();
        MockProvider.next(subject, changed, true);
        assertThat(exchange(loginCode(signIn(new Browser()))).id()).isEqualTo(existing.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :e").param("e", changed).query(Long.class).single()).isZero();
        assertThat(links(subject)).isEqualTo(1);
    }

    @Test
    void anAccountWithTwoFactorOnGetsTheSecondStepInsteadOfAToken() {
        Session existing = newUser();
        String secret = post("/api/v1/me/2fa/setup", existing, null).body().get("secret").asString();
        byte[] key = dev.botfleet.server.auth.totp.Base32.decode(secret);
        long step = dev.botfleet.server.auth.totp.Totp.step(clock.instant());
        assertThat(post("/api/v1/me/2fa/enable", existing, Map.of("code", dev.botfleet.server.auth.totp.Totp.code(key, step)))
                .status()).isEqualTo(200);

        MockProvider.next(sub(), existing.email(), true);
        Answer first = post("/api/v1/auth/oidc/exchange", null, Map.of("code", loginCode(signIn(new Browser()))));
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        assertThat(first.body().get("secondFactorRequired").asBoolean()).isTrue();
        assertThat(first.body().has("token")).as("no token before the second factor").isFalse();

        // the app's next code (a code is good once: the one that enabled 2FA is spent)
        Answer second = post("/api/v1/auth/login/2fa", null, Map.of("challenge", first.body().get("challenge").asString(),
                "code", dev.botfleet.server.auth.totp.Totp.code(key, step + 1)));
        assertThat(second.status()).as(String.valueOf(second.body())).isEqualTo(200);
        Session viaOidc = new Session(null, null, null, second.body().get("token").asString());
        assertThat(get("/api/v1/me", viaOidc).body().get("id").asString()).isEqualTo(existing.id().toString());
    }

    @Test
    void anUnverifiedOrMissingEmailIsRefusedAndStoresNothing() {
        String email = uniqueEmail();
        MockProvider.next(sub(), email, false);
        assertError(signIn(new Browser()), "email_not_verified");
        MockProvider.next(sub(), email, null);   // email_verified left out
        assertError(signIn(new Browser()), "email_not_verified");
        MockProvider.next(sub(), email, "yes");
        assertError(signIn(new Browser()), "email_not_verified");
        MockProvider.next(sub(), null, true);
        assertError(signIn(new Browser()), "email_missing");
        MockProvider.next(sub(), "not an address", true);
        assertError(signIn(new Browser()), "email_missing");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :e").param("e", email).query(Long.class).single()).isZero();
    }

    @Test
    void aTamperedStateIsRefused() {
        // no id_token is queued: the sign-in must never reach the token endpoint
        Browser browser = new Browser();
        URI authorization = browser.hop(url("/api/v1/auth/oidc/mock/start"));
        String state = Browser.query(authorization).get("state");
        String tampered = (state.charAt(0) == 'A' ? 'B' : 'A') + state.substring(1);
        URI callback = browser.hop(Browser.withParam(authorization, "state", tampered));
        assertThat(Browser.query(callback)).containsEntry("state", tampered);
        assertError(browser.hop(callback), "invalid_state");
        // no code reached the token endpoint
        assertThat(MockProvider.received()).noneMatch(r -> r.getPath().startsWith("/default/token"));
    }

    @Test
    void aStateIsUsedOnceAndOnlyInTheBrowserThatStartedTheSignIn() {
        Browser browser = new Browser();
        URI callback = browser.hop(browser.hop(url("/api/v1/auth/oidc/mock/start")));
        // the callback URL handed to someone else's browser (login CSRF) is refused, and spends the state
        assertError(new Browser().hop(callback), "invalid_state");
        assertError(browser.hop(callback), "invalid_state");

        MockProvider.next(sub(), uniqueEmail(), true);
        URI again = browser.hop(browser.hop(url("/api/v1/auth/oidc/mock/start")));
        loginCode(browser.hop(again));
        assertError(browser.hop(again), "invalid_state");
    }

    @Test
    void aLoginCodeWorksOnceAndOnlyForAMinute() {
        MockProvider.next(sub(), uniqueEmail(), true);
        String code = loginCode(signIn(new Browser()));
        exchange(code);
        Answer reused = post("/api/v1/auth/oidc/exchange", null, Map.of("code", code));
        assertProblem(reused, 401, "UNAUTHORIZED");
        assertThat(reused.body().toString()).doesNotContain(code);

        MockProvider.next(sub(), uniqueEmail(), true);
        String late = loginCode(signIn(new Browser()));
        clock.advance(Duration.ofSeconds(61));
        assertProblem(post("/api/v1/auth/oidc/exchange", null, Map.of("code", late)), 401, "UNAUTHORIZED");

        Answer missing = post("/api/v1/auth/oidc/exchange", null, Map.of());
        assertProblem(missing, 400, "VALIDATION_ERROR");
        assertThat(missing.errorFields()).containsExactly("code");
        assertProblem(post("/api/v1/auth/oidc/exchange", null, Map.of("code", "x".repeat(500))), 400, "VALIDATION_ERROR");
    }

    @Test
    void anIdTokenForAnotherClientNonceOrIssuerOrExpiredIsRefused() {
        MockProvider.next(sub(), Map.of("email", uniqueEmail(), "email_verified", true, "aud", "someone-else"));
        assertError(signIn(new Browser()), "invalid_id_token");
        MockProvider.next(sub(), Map.of("email", uniqueEmail(), "email_verified", true, "nonce", "a-nonce-of-another-sign-in"));
        assertError(signIn(new Browser()), "invalid_id_token");
        MockProvider.next(sub(), Map.of("email", uniqueEmail(), "email_verified", true,
                "iss", "http://localhost:1/another-issuer"));
        assertError(signIn(new Browser()), "invalid_id_token");
        // expired two minutes ago: beyond the minute of clock skew allowed
        MockProvider.next(sub(), Map.of("email", uniqueEmail(), "email_verified", true), -120);
        assertError(signIn(new Browser()), "invalid_id_token");
    }

    @Test
    void aRefusalAtTheProviderComesBackAsAccessDenied() {
        Browser browser = new Browser();
        URI authorization = browser.hop(url("/api/v1/auth/oidc/mock/start"));
        String state = Browser.query(authorization).get("state");
        // what a provider sends back when the user clicks "deny" (RFC 6749 section 4.1.2.1)
        assertError(browser.hop(url("/api/v1/auth/oidc/mock/callback?error=access_denied&state=" + state)), "access_denied");
        assertError(browser.hop(url("/api/v1/auth/oidc/mock/callback?error=access_denied&state=" + state)), "invalid_state");
        URI other = browser.hop(url("/api/v1/auth/oidc/mock/start"));
        assertError(browser.hop(url("/api/v1/auth/oidc/mock/callback?error=server_error&state="
                + Browser.query(other).get("state"))), "provider_error");
        assertError(browser.hop(url("/api/v1/auth/oidc/mock/callback?code=abc")), "invalid_state");
    }

    @Test
    void aStateComesBackOnlyFromItsOwnProviderAndIssuer() {
        Browser browser = new Browser();
        String state = Browser.query(browser.hop(url("/api/v1/auth/oidc/mock/start"))).get("state");
        assertError(browser.hop(url("/api/v1/auth/oidc/down/callback?code=abc&state=" + state)), "invalid_state");
        // RFC 9207: an answer that names another issuer is a mix-up, whatever its state
        String fresh = Browser.query(browser.hop(url("/api/v1/auth/oidc/mock/start"))).get("state");
        assertError(browser.hop(url("/api/v1/auth/oidc/mock/callback?code=abc&iss=https%3A%2F%2Fevil.example.com&state=" + fresh)),
                "invalid_state");
        assertThat(MockProvider.received()).noneMatch(r -> r.getPath().startsWith("/default/token"));
    }

    @Test
    void providersAreListedAndAnUnknownOrUnreachableOneIsAnErrorPage() {
        Answer list = get("/api/v1/auth/oidc/providers", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().toString()).isEqualTo("[{\"id\":\"mock\",\"displayName\":\"Mock ID\"},{\"id\":\"down\",\"displayName\":\"down\"}]");
        assertThat(list.body().toString()).doesNotContain(MockProvider.CLIENT_SECRET);
        // "down" never answered: the server started anyway, and only a sign-in with it fails
        Browser browser = new Browser();
        assertError(browser.hop(url("/api/v1/auth/oidc/down/start")), "provider_unavailable");
        assertError(browser.hop(url("/api/v1/auth/oidc/nope/start")), "unknown_provider");
        assertError(browser.hop(url("/api/v1/auth/oidc/nope/callback?code=a&state=b")), "unknown_provider");
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        Session user = newUser();
        jdbc.sql("UPDATE users SET disabled_at = updated_at WHERE id = :id").param("id", user.id()).update();
        String subject = sub();
        MockProvider.next(subject, user.email(), true);
        assertError(signIn(new Browser()), "account_disabled");
        assertThat(links(subject)).isZero();
    }

    @Test
    void theFirstAccountIsAnAdministratorWhicheverWayItIsCreated() {
        jdbc.sql("DELETE FROM users").update(); // every test makes its own users, so an empty table is safe here
        MockProvider.next(sub(), uniqueEmail(), true);
        Session first = exchange(loginCode(signIn(new Browser())));
        MockProvider.next(sub(), uniqueEmail(), true);
        Session second = exchange(loginCode(signIn(new Browser())));
        assertThat(get("/api/v1/me", first).body().get("role").asString()).isEqualTo("ADMIN");
        assertThat(get("/api/v1/me", second).body().get("role").asString()).isEqualTo("USER");
    }

    @Test
    void theBrowserEndpointsAnswerRedirectsThatNoCacheKeeps() {
        var start = new Browser(false).get(url("/api/v1/auth/oidc/mock/start"));
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).get().asString().startsWith(MockProvider.issuer());
        assertThat(start.headers().firstValue("Cache-Control")).hasValue("no-store");
        List<String> cookies = start.headers().allValues("Set-Cookie");
        assertThat(cookies).singleElement().asString().startsWith(OidcController.BROWSER_COOKIE + "=")
                .contains("HttpOnly").contains("SameSite=Lax").contains("Path=/api/v1/auth/oidc/");
    }
}

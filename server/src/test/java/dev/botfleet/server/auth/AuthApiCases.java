package dev.botfleet.server.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Registration, login, tokens, throttling and the public/private split. Run on H2 and on PostgreSQL. */
public abstract class AuthApiCases extends ApiTestBase {
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext applicationContext;

    @Test
    void registerAnswersTheAccountWithoutSecrets() {
        String email = uniqueEmail();
        Answer a = post("/api/v1/auth/register", null, Map.of("email", "  " + email.toUpperCase() + " ", "password", "abcdefghi1"));
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.body().get("email").asString()).isEqualTo(email);
        assertThat(a.body().get("role").asString()).isIn("ADMIN", "USER");
        assertThat(a.body().get("id").asString()).hasSize(36);
        assertThat(a.body().get("createdAt").asString()).endsWith("Z");
        assertThat(a.body().has("password")).isFalse();
        assertThat(a.body().has("passwordHash")).isFalse();
        String stored = jdbc.sql("SELECT password_hash FROM users WHERE email = :e").param("e", email).query(String.class).single();
        assertThat(stored).startsWith("$2").doesNotContain("abcdefghi1");
    }

    @Test
    void theFirstUserIsAdminAndLaterOnesAreUsers() {
        jdbc.sql("DELETE FROM users").update(); // every test registers its own users, so an empty table is safe here
        Answer first = post("/api/v1/auth/register", null, Map.of("email", uniqueEmail(), "password", "abcdefghi1"));
        Answer second = post("/api/v1/auth/register", null, Map.of("email", uniqueEmail(), "password", "abcdefghi1"));
        assertThat(first.body().get("role").asString()).isEqualTo("ADMIN");
        assertThat(second.body().get("role").asString()).isEqualTo("USER");
    }

    @Test
    void duplicateEmailIsAConflictWhateverItsCase() {
        Session user = newUser();
        Answer again = post("/api/v1/auth/register", null, Map.of("email", user.email().toUpperCase(), "password", "abcdefghi1"));
        assertProblem(again, 409, "CONFLICT");
    }

    @Test
    void badEmailAndWeakPasswordAreNamed() {
        Answer a = post("/api/v1/auth/register", null, Map.of("email", "not-an-email", "password", "short1"));
        assertProblem(a, 400, "VALIDATION_ERROR");
        assertThat(a.errorFields()).containsExactly("email", "password");
        assertThat(a.body().get("errors").get(1).get("message").asString()).contains("10").contains("letter").contains("digit");
        assertThat(a.body().toString()).doesNotContain("short1"); // a password is never echoed

        assertThat(post("/api/v1/auth/register", null, Map.of("email", uniqueEmail(), "password", "onlyletterslong")).errorFields())
                .containsExactly("password");
        assertThat(post("/api/v1/auth/register", null, Map.of("email", uniqueEmail(), "password", "12345678901")).errorFields())
                .containsExactly("password");
        assertThat(post("/api/v1/auth/register", null, Map.of()).errorFields()).containsExactly("email", "password");
    }

    @Test
    void malformedJsonIsMalformedRequest() {
        assertProblem(request(HttpMethod.POST, "/api/v1/auth/register", null, "{\"email\": "), 400, "MALFORMED_REQUEST");
        assertProblem(request(HttpMethod.POST, "/api/v1/auth/login", null, "[1,2]"), 400, "MALFORMED_REQUEST");
        Answer wrongType = request(HttpMethod.POST, "/api/v1/auth/register", null, "{\"email\": {\"a\": 1}, \"password\": \"x\"}");
        assertProblem(wrongType, 400, "MALFORMED_REQUEST");
        assertThat(wrongType.errorFields()).containsExactly("email");
    }

    @Test
    void loginGivesATokenThatOpensMe() {
        Session user = newUser();
        Answer me = get("/api/v1/me", user);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("email").asString()).isEqualTo(user.email());
        assertThat(me.body().get("id").asString()).isEqualTo(user.id().toString());

        Answer login = login(user.email(), user.password(), nextAddress());
        Instant expiresAt = Instant.parse(login.body().get("expiresAt").asString());
        assertThat(expiresAt).isBetween(clock.instant().plus(Duration.ofHours(11)), clock.instant().plus(Duration.ofHours(13)));
    }

    @Test
    void wrongPasswordOrUnknownEmailIsUnauthorized() {
        Session user = newUser();
        assertProblem(login(user.email(), "wrong-password-1", nextAddress()), 401, "UNAUTHORIZED");
        assertProblem(login(uniqueEmail(), "wrong-password-1", nextAddress()), 401, "UNAUTHORIZED");
        Answer missing = post("/api/v1/auth/login", null, Map.of("email", user.email()));
        assertProblem(missing, 400, "VALIDATION_ERROR");
        assertThat(missing.errorFields()).containsExactly("password");
    }

    @Test
    void missingMalformedForgedOrExpiredTokensAreUnauthorizedProblems() throws Exception {
        Session user = newUser();
        Answer none = request(HttpMethod.GET, "/api/v1/me", null, null);
        assertProblem(none, 401, "UNAUTHORIZED");
        assertThat(none.raw().getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(request(HttpMethod.GET, "/api/v1/bots", "Bearer not-a-jwt", null), 401, "UNAUTHORIZED");
        assertProblem(request(HttpMethod.GET, "/api/v1/bots", "Basic dXNlcjpwYXNz", null), 401, "UNAUTHORIZED");

        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(user.id().toString()).issuer("botfleet").expirationTime(Date.from(clock.instant().plusSeconds(600))).build());
        forged.sign(new MACSigner(new byte[32]));
        assertProblem(request(HttpMethod.GET, "/api/v1/me", "Bearer " + forged.serialize(), null), 401, "UNAUTHORIZED");

        assertThat(get("/api/v1/me", user).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertProblem(get("/api/v1/me", user), 401, "UNAUTHORIZED");
    }

    @org.springframework.beans.factory.annotation.Autowired
    private javax.crypto.SecretKey jwtSigningKey;

    @Test
    void aTokenSignedWithOurKeyButNamingAnotherIssuerIsUnauthorized() throws Exception {
        // the decoder reads the issuer as a plain name (not as a URL); it must still be ours
        Session user = newUser();
        for (String issuer : new String[] {"someone-else", "https://botfleet.example/"}) {
            assertProblem(request(HttpMethod.GET, "/api/v1/me", "Bearer " + signed(user, issuer), null), 401, "UNAUTHORIZED");
        }
        assertThat(request(HttpMethod.GET, "/api/v1/me", "Bearer " + signed(user, "botfleet"), null).status())
                .as("the same token with our issuer").isEqualTo(200);
    }

    private String signed(Session user, String issuer) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(user.id().toString()).issuer(issuer).issueTime(Date.from(clock.instant())).claim("roles", java.util.List.of("USER"))
                .expirationTime(Date.from(clock.instant().plusSeconds(600))).build());
        token.sign(new MACSigner(jwtSigningKey));
        return token.serialize();
    }

    @Test
    void aValidlySignedTokenOfAnAccountThatNoLongerExistsIsUnauthorized() {
        Session user = newUser();
        assertThat(get("/api/v1/bots", user).status()).isEqualTo(200);
        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", user.id()).update();
        userRowChanged(user.id());
        assertProblem(get("/api/v1/bots", user), 401, "UNAUTHORIZED");
        assertProblem(get("/api/v1/me", user), 401, "UNAUTHORIZED");
    }

    @Test
    void repeatedFailuresLockTheAccountWithRetryAfterUntilTheLockoutPasses() {
        Session user = newUser();
        for (int i = 0; i < 5; i++) {
            assertProblem(login(user.email(), "wrong-password-" + i, nextAddress()), 401, "UNAUTHORIZED");
        }
        Answer locked = login(user.email(), user.password(), nextAddress()); // even the right password waits
        assertProblem(locked, 429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(locked.raw().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login(user.email(), user.password(), nextAddress()).status()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresFromOneAddressLockThatAddress() {
        String address = nextAddress();
        for (int i = 0; i < 20; i++) {
            assertProblem(login(uniqueEmail(), "wrong-password-1", address), 401, "UNAUTHORIZED");
        }
        Session user = newUser();
        assertProblem(login(user.email(), user.password(), address), 429, "RATE_LIMITED");
        assertThat(login(user.email(), user.password(), nextAddress()).status()).isEqualTo(200);
    }

    @Test
    void healthAndOpenApiArePublic() throws Exception {
        assertThat(request(HttpMethod.GET, "/actuator/health", null, null).status()).isEqualTo(200);
        Answer docs = request(HttpMethod.GET, "/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/v1/me")).isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/auth/login")).isTrue();
        java.util.List<String> botListParameters = new java.util.ArrayList<>();
        docs.body().get("paths").get("/api/v1/bots").get("get").get("parameters")
                .forEach(p -> botListParameters.add(p.get("name").asString()));
        assertThat(botListParameters).containsExactly("status", "page", "size"); // the caller comes from the token
        assertThat(applicationContext.getBeanNamesForType(org.springframework.data.redis.connection.RedisConnectionFactory.class))
                .as("Redis stays off unless botfleet.redis.enabled=true").isEmpty();
        mvc.perform(MockMvcRequestBuilders.get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    }

    @Test
    void unknownApiPathsAreNotFoundProblems() {
        Session user = newUser();
        assertProblem(get("/api/v1/nothing-here", user), 404, "NOT_FOUND");
        assertProblem(request(HttpMethod.GET, "/api/v1/nothing-here", null, null), 401, "UNAUTHORIZED");
        assertProblem(request(HttpMethod.PUT, "/api/v1/me", "Bearer " + user.token(), null), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void dashboardFilesAndClientRoutesArePublic() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/bots/1234/edit")).andExpect(status().isOk()).andExpect(forwardedUrl("/index.html"));
        mvc.perform(MockMvcRequestBuilders.get("/logs")).andExpect(forwardedUrl("/index.html"));
        mvc.perform(MockMvcRequestBuilders.get("/index.html")).andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.get("/assets/missing.js")).andExpect(status().isNotFound());
    }
}

package dev.botfleet.server.auth.siwe;

import dev.botfleet.server.auth.totp.Base32;
import dev.botfleet.server.auth.totp.Totp;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-In with Ethereum against the real server and database (H2 and PostgreSQL), signed with web3j keys. */
abstract class SiweApiCases extends SiweTestBase {

    @Test
    void aFirstSignInCreatesAnAccountAndTheNextOneReachesIt() {
        // the first account of the public Hardhat/Anvil test mnemonic; the only test here that uses it (one database
        // per run), the others make their own keys
        Credentials wallet = Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        Session first = signInAs(wallet);
        assertThat(first.email()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266@wallet.invalid");
        Answer linked = get("/api/v1/me/wallet-addresses", first);
        assertThat(linked.body()).hasSize(1);
        assertThat(linked.body().get(0).get("address").asString()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

        Session again = signInAs(wallet);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :e").param("e", first.email()).query(Long.class)
                .single()).as("one account").isEqualTo(1);
    }

    @Test
    void theNonceAnswerIsFreshAndExpires() {
        java.time.Instant before = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Answer a = get("/api/v1/auth/siwe/nonce", null);
        java.time.Instant after = clock.instant();
        assertThat(a.body().get("nonce").asString()).matches("[A-Za-z0-9]{20}");
        assertThat(java.time.Instant.parse(a.body().get("expiresAt").asString()))
                .isBetween(before.plus(Duration.ofMinutes(10)), after.plus(Duration.ofMinutes(10)));
        assertThat(signInNonce()).isNotEqualTo(a.body().get("nonce").asString());
    }

    @Test
    void aReplayedMessageIsRefused() {
        Map<String, String> body = signed(newWallet(), signInNonce());
        assertThat(signIn(body).status()).isEqualTo(200);
        assertProblem(signIn(body), 401, "SIWE_NONCE_INVALID");
    }

    @Test
    void ofOneMessageSentManyTimesAtOnceExactlyOneSignsIn() throws Exception {
        Map<String, String> body = signed(newWallet(), signInNonce());
        int n = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return signIn(body).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertThat(statuses).filteredOn(st -> st == 200).hasSize(1);
            assertThat(statuses).filteredOn(st -> st == 401).hasSize(n - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneClientCannotHoldMoreThanTwentyUnspentNonces() {
        String client = nextAddress();
        for (int i = 0; i < 20; i++) assertThat(nonceFrom(client).status()).isEqualTo(200);
        Answer refused = nonceFrom(client);
        assertProblem(refused, 429, "RATE_LIMITED");
        assertThat(refused.raw().getHeader("Retry-After")).isEqualTo("600");
        assertThat(nonceFrom(nextAddress()).status()).as("another client").isEqualTo(200);
        clock.advance(Duration.ofMinutes(11));
        assertThat(nonceFrom(client).status()).as("expired nonces no longer count").isEqualTo(200);
    }

    private Answer nonceFrom(String client) {
        return send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/auth/siwe/nonce")
                .with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                }), null, null);
    }

    @Test
    void aNonceTheServerDidNotIssueIsRefused() {
        assertProblem(signIn(signed(newWallet(), "madeUpNonce12345")), 401, "SIWE_NONCE_INVALID");
    }

    @Test
    void anExpiredNonceIsRefused() {
        String nonce = signInNonce();
        clock.advance(Duration.ofMinutes(11));
        assertProblem(signIn(signed(newWallet(), nonce)), 401, "SIWE_NONCE_INVALID");
    }

    @Test
    void anExpiredMessageIsRefusedWithoutSpendingItsNonce() {
        Credentials wallet = newWallet();
        String nonce = signInNonce();
        Answer expired = signIn(signed(wallet, nonce, m -> m.withExpirationTime(clock.instant().minusSeconds(1))));
        assertProblem(expired, 401, "SIWE_EXPIRED");
        assertThat(expired.body().get("detail").asString()).contains("the message expired at");
        Answer early = signIn(signed(wallet, nonce, m -> m.withNotBefore(clock.instant().plusSeconds(60))));
        assertProblem(early, 401, "SIWE_NOT_YET_VALID");
        assertThat(signIn(signed(wallet, nonce)).status()).as("the nonce is still good").isEqualTo(200);
    }

    @Test
    void aMessageForAnotherDomainIsRefused() {
        Credentials wallet = newWallet();
        String text = message(wallet, signInNonce()).toText().replaceFirst("^localhost", "evil.example.com");
        Answer a = signIn(Map.of("message", text, "signature", personalSign(text, wallet)));
        assertProblem(a, 401, "SIWE_WRONG_DOMAIN");
        assertThat(a.body().get("detail").asString()).contains("evil.example.com").contains("not for this site (localhost)");
    }

    @Test
    void aSignatureByAnotherKeyOrOfOtherTextIsRefused() {
        Credentials wallet = newWallet();
        String text = message(wallet, signInNonce()).toText();
        assertProblem(signIn(Map.of("message", text, "signature", personalSign(text, newWallet()))), 401, "SIWE_BAD_SIGNATURE");
        assertProblem(signIn(Map.of("message", text, "signature", personalSign(text + " ", wallet))), 401, "SIWE_BAD_SIGNATURE");
        assertProblem(signIn(Map.of("message", text, "signature", "0x1234")), 401, "SIWE_BAD_SIGNATURE");
        assertThat(signIn(Map.of("message", text, "signature", personalSign(text, wallet))).status())
                .as("refusals did not spend the nonce").isEqualTo(200);
    }

    @Test
    void malformedOrMissingInputIsA400NamingTheField() {
        Answer malformed = signIn(Map.of("message", "hello\nworld", "signature", "0x00"));
        assertProblem(malformed, 400, "SIWE_MALFORMED");
        assertThat(malformed.errorFields()).containsExactly("message");
        assertThat(malformed.body().get("errors").get(0).get("message").asString()).startsWith("line 1:");

        Answer missing = signIn(new HashMap<>());
        assertProblem(missing, 400, "VALIDATION_ERROR");
        assertThat(missing.errorFields()).containsExactlyInAnyOrder("message", "signature");
        assertProblem(post("/api/v1/auth/siwe", null, "{not json"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void anAddressIsLinkedToAPasswordAccountAndThenSignsInToIt() {
        Session user = newUser();
        Credentials wallet = newWallet();
        Answer linked = post("/api/v1/me/wallet-addresses", user, signed(wallet, linkNonce(user)));
        assertThat(linked.status()).as(String.valueOf(linked.body())).isEqualTo(201);
        assertThat(linked.body().get("address").asString()).isEqualTo(address(wallet));
        assertThat(get("/api/v1/me/wallet-addresses", user).body().get(0).get("address").asString()).isEqualTo(address(wallet));

        assertThat(signInAs(wallet).id()).isEqualTo(user.id());
        // linking again is no change
        assertThat(post("/api/v1/me/wallet-addresses", user, signed(wallet, linkNonce(user))).status()).isEqualTo(200);
    }

    @Test
    void anAddressOfAnotherAccountCannotBeLinked() {
        Credentials wallet = newWallet();
        signInAs(wallet);
        Session other = newUser();
        assertProblem(post("/api/v1/me/wallet-addresses", other, signed(wallet, linkNonce(other))), 409, "CONFLICT");
    }

    @Test
    void aNonceServesOnlyThePurposeAndAccountItWasAskedFor() {
        Session user = newUser();
        Session other = newUser();
        Credentials wallet = newWallet();
        assertProblem(post("/api/v1/me/wallet-addresses", user, signed(wallet, signInNonce())), 401, "SIWE_NONCE_INVALID");
        assertProblem(post("/api/v1/me/wallet-addresses", user, signed(wallet, linkNonce(other))), 401, "SIWE_NONCE_INVALID");
        assertProblem(signIn(signed(wallet, linkNonce(user))), 401, "SIWE_NONCE_INVALID");
        assertProblem(get("/api/v1/me/wallet-addresses/nonce", null), 401, "UNAUTHORIZED");
    }

    @Test
    void unlinkingStopsTheAddressSigningInToTheAccount() {
        Session user = newUser();
        Credentials wallet = newWallet();
        post("/api/v1/me/wallet-addresses", user, signed(wallet, linkNonce(user)));
        assertThat(delete("/api/v1/me/wallet-addresses/" + address(wallet).toLowerCase(), user).status()).isEqualTo(204);
        assertThat(get("/api/v1/me/wallet-addresses", user).body()).isEmpty();
        assertThat(signInAs(wallet).id()).as("a new account now").isNotEqualTo(user.id());

        assertProblem(delete("/api/v1/me/wallet-addresses/" + address(newWallet()), user), 404, "NOT_FOUND");
        Answer bad = delete("/api/v1/me/wallet-addresses/0x123", user);
        assertProblem(bad, 400, "VALIDATION_ERROR");
        assertThat(bad.errorFields()).containsExactly("address");
    }

    @Test
    void theOnlyAddressOfAWalletMadeAccountCannotBeUnlinked() {
        Credentials wallet = newWallet();
        Session session = signInAs(wallet);
        assertProblem(delete("/api/v1/me/wallet-addresses/" + address(wallet), session), 409, "CONFLICT");
        Credentials second = newWallet();
        assertThat(post("/api/v1/me/wallet-addresses", session, signed(second, linkNonce(session))).status()).isEqualTo(201);
        assertThat(delete("/api/v1/me/wallet-addresses/" + address(wallet), session).status()).isEqualTo(204);
        assertThat(signInAs(second).id()).isEqualTo(session.id());
    }

    @Test
    void withTwoFactorOnTheSignInAsksForTheCodeAsPasswordLoginDoes() {
        Session user = newUser();
        Credentials wallet = newWallet();
        post("/api/v1/me/wallet-addresses", user, signed(wallet, linkNonce(user)));
        String secret = post("/api/v1/me/2fa/setup", user, null).body().get("secret").asString();
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        assertThat(post("/api/v1/me/2fa/enable", user, Map.of("code", code(secret))).status()).isEqualTo(200);

        Answer first = signIn(signed(wallet, signInNonce()));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("secondFactorRequired").asBoolean()).isTrue();
        assertThat(first.body().has("token")).as("no token before the second factor").isFalse();

        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        Answer second = post("/api/v1/auth/login/2fa", null,
                Map.of("challenge", first.body().get("challenge").asString(), "code", code(secret)));
        assertThat(second.status()).as(String.valueOf(second.body())).isEqualTo(200);
        Session session = new Session(user.id(), null, null, second.body().get("token").asString());
        assertThat(get("/api/v1/me", session).body().get("id").asString()).isEqualTo(user.id().toString());
    }

    private String code(String secret) {
        return Totp.code(Base32.decode(secret), Totp.step(clock.instant()));
    }
}

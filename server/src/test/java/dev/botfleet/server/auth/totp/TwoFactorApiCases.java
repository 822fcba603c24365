package dev.botfleet.server.auth.totp;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Enrolment, the two-step login, recovery codes, disabling, and the requirement for keys. Run on H2 and PostgreSQL. */
public abstract class TwoFactorApiCases extends TwoFactorTestBase {

    @Test
    void setupGivesASecretAndUriButChangesNothingUntilEnabled() {
        Session user = newUser();
        assertThat(get("/api/v1/me/2fa", user).body().toString())
                .isEqualTo("{\"enabled\":false,\"requireForLive\":false,\"requireForKeys\":false,\"recoveryCodesLeft\":0}");
        Answer setup = post("/api/v1/me/2fa/setup", user, null);
        assertThat(setup.status()).isEqualTo(200);
        String secret = setup.body().get("secret").asString();
        assertThat(Base32.decode(secret)).hasSize(20);
        assertThat(setup.body().get("otpauthUri").asString())
                .isEqualTo("otpauth://totp/botfleet:" + user.email() + "?secret=" + secret + "&issuer=botfleet");
        String stored = jdbc.sql("SELECT secret_enc FROM two_factor WHERE user_id = :u").param("u", user.id()).query(String.class).single();
        assertThat(stored).doesNotContain(secret);

        assertThat(get("/api/v1/me/2fa", user).body().get("enabled").asBoolean()).isFalse();
        Answer login = login(user.email(), user.password(), nextAddress());
        assertThat(login.body().get("token")).as("a setup alone does not ask for a code").isNotNull();
        assertThat(login.body().get("secondFactorRequired").asBoolean()).isFalse();
    }

    @Test
    void enableNeedsTheRightCodeAndAnswersTenRecoveryCodesOnce() {
        Session user = newUser();
        assertProblem(post("/api/v1/me/2fa/enable", user, Map.of("code", "123456")), 409, "CONFLICT");
        String secret = post("/api/v1/me/2fa/setup", user, null).body().get("secret").asString();

        Answer wrong = post("/api/v1/me/2fa/enable", user, Map.of("code", wrongCode(secret)));
        assertProblem(wrong, 400, "VALIDATION_ERROR");
        assertThat(wrong.errorFields()).containsExactly("code");
        assertThat(post("/api/v1/me/2fa/enable", user, Map.of()).errorFields()).containsExactly("code");
        assertThat(get("/api/v1/me/2fa", user).body().get("enabled").asBoolean()).isFalse();

        Answer enabled = post("/api/v1/me/2fa/enable", user, Map.of("code", freshCode(secret)));
        assertThat(enabled.status()).as(String.valueOf(enabled.body())).isEqualTo(200);
        var codes = new HashSet<String>();
        enabled.body().get("recoveryCodes").forEach(c -> codes.add(c.asString()));
        assertThat(codes).hasSize(10).allMatch(c -> c.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"));
        String hashes = jdbc.sql("SELECT code_hash FROM two_factor_recovery_codes WHERE user_id = :u").param("u", user.id())
                .query(String.class).list().toString();
        codes.forEach(c -> assertThat(hashes).doesNotContain(c).doesNotContain(c.replace("-", "")));

        assertThat(get("/api/v1/me/2fa", user).body().toString())
                .isEqualTo("{\"enabled\":true,\"requireForLive\":false,\"requireForKeys\":false,\"recoveryCodesLeft\":10}");
        assertProblem(post("/api/v1/me/2fa/setup", user, null), 409, "CONFLICT");
        assertProblem(post("/api/v1/me/2fa/enable", user, Map.of("code", freshCode(secret))), 409, "CONFLICT");
    }

    @Test
    void loginNeedsTheSecondStepWhichRefusesWrongAndReplayedCodes() {
        Enrolled e = enrol(newUser());
        String usedForEnable = e.enableCode();
        String challenge = challenge(e.session());

        Answer replayed = secondStep(challenge, usedForEnable, null);
        assertProblem(replayed, 400, "VALIDATION_ERROR");
        assertThat(replayed.errorFields()).containsExactly("code");
        assertThat(replayed.body().get("errors").get(0).get("message").asString()).contains("already used");
        assertThat(secondStep(challenge, wrongCode(e.secret()), null).errorFields()).containsExactly("code");
        assertThat(secondStep(challenge, null, null).errorFields()).containsExactly("code");

        Answer done = secondStep(challenge, freshCode(e.secret()), null);
        assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(200);
        String token = done.body().get("token").asString();
        assertThat(get("/api/v1/me", withToken(e.session(), token)).status()).isEqualTo(200);

        assertProblem(secondStep(challenge, freshCode(e.secret()), null), 401, "UNAUTHORIZED");
        assertProblem(secondStep("not-a-challenge", freshCode(e.secret()), null), 401, "UNAUTHORIZED");
    }

    @Test
    void aRecoveryCodeSignsInOnceAndIsThenUsedUp() {
        Enrolled e = enrol(newUser());
        String recovery = e.recoveryCodes().get(3);
        Answer first = secondStep(challenge(e.session()), null, recovery.toUpperCase());
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        assertThat(first.body().get("token").asString()).isNotBlank();
        assertThat(get("/api/v1/me/2fa", e.session()).body().get("recoveryCodesLeft").asInt()).isEqualTo(9);

        Answer again = secondStep(challenge(e.session()), null, recovery);
        assertProblem(again, 400, "VALIDATION_ERROR");
        assertThat(again.errorFields()).containsExactly("recoveryCode");
    }

    @Test
    void theChallengeExpiresAfterFiveMinutes() {
        Enrolled e = enrol(newUser());
        String challenge = challenge(e.session());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertProblem(secondStep(challenge, codeNow(e.secret()), null), 401, "UNAUTHORIZED");
    }

    @Test
    void aPasswordChangeVoidsAPendingChallenge() {
        Enrolled e = enrol(newUser());
        String challenge = challenge(e.session());
        Answer changed = post("/api/v1/me/password", e.session(),
                Map.of("currentPassword", e.session().password(), "newPassword", "another-horse-7"));
        assertThat(changed.status()).as(String.valueOf(changed.body())).isEqualTo(200);
        assertProblem(secondStep(challenge, freshCode(e.secret()), null), 401, "UNAUTHORIZED");
    }

    @Test
    void wrongCodesAreThrottledLikeFailedLogins() {
        Enrolled e = enrol(newUser());
        String challenge = challenge(e.session());
        for (int i = 0; i < 5; i++) assertThat(secondStep(challenge, wrongCode(e.secret()), null).status()).isEqualTo(400);
        Answer locked = secondStep(challenge, freshCode(e.secret()), null);
        assertProblem(locked, 429, "RATE_LIMITED");
        assertThat(locked.raw().getHeader("Retry-After")).isNotBlank();
    }

    @Test
    void disableNeedsThePasswordAndACodeThenLoginIsOneStepAgain() {
        Enrolled e = enrol(newUser());
        Answer wrongPassword = post("/api/v1/me/2fa/disable", e.session(),
                Map.of("password", "not-my-password-1", "code", freshCode(e.secret())));
        assertThat(wrongPassword.errorFields()).containsExactly("password");
        Answer noCode = post("/api/v1/me/2fa/disable", e.session(), Map.of("password", e.session().password()));
        assertThat(noCode.errorFields()).containsExactly("code");
        assertThat(get("/api/v1/me/2fa", e.session()).body().get("enabled").asBoolean()).isTrue();

        Answer off = post("/api/v1/me/2fa/disable", e.session(),
                Map.of("password", e.session().password(), "code", freshCode(e.secret())));
        assertThat(off.status()).as(String.valueOf(off.body())).isEqualTo(204);
        assertThat(get("/api/v1/me/2fa", e.session()).body().get("enabled").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM two_factor_recovery_codes WHERE user_id = :u").param("u", e.session().id())
                .query(Long.class).single()).isZero();
        assertThat(login(e.session().email(), e.session().password(), nextAddress()).body().get("token").asString()).isNotBlank();
        assertProblem(post("/api/v1/me/2fa/disable", e.session(), Map.of("password", e.session().password())), 409, "CONFLICT");
    }

    @Test
    void aRecoveryCodeCanDisable() {
        Enrolled e = enrol(newUser());
        Answer off = post("/api/v1/me/2fa/disable", e.session(),
                Map.of("password", e.session().password(), "recoveryCode", e.recoveryCodes().getFirst()));
        assertThat(off.status()).as(String.valueOf(off.body())).isEqualTo(204);
    }

    @Test
    void requirementsNeed2faAndTurningOneOffNeedsACode() {
        Session plain = newUser();
        assertProblem(requirements(plain, true, true, null), 409, "CONFLICT");
        Enrolled e = enrol(newUser());
        assertThat(put("/api/v1/me/2fa/requirements", e.session(), Map.of("requireForLive", true)).errorFields())
                .containsExactly("requireForKeys");
        Answer on = requirements(e.session(), true, true, null);
        assertThat(on.status()).as(String.valueOf(on.body())).isEqualTo(200);
        assertThat(on.body().get("requireForLive").asBoolean()).isTrue();
        assertThat(on.body().get("requireForKeys").asBoolean()).isTrue();

        assertProblem(requirements(e.session(), false, true, null), 403, "TOTP_REQUIRED");
        assertProblem(requirements(e.session(), false, true, wrongCode(e.secret())), 403, "TOTP_INVALID");
        Answer off = requirements(e.session(), false, true, freshCode(e.secret()));
        assertThat(off.status()).as(String.valueOf(off.body())).isEqualTo(200);
        assertThat(get("/api/v1/me/2fa", e.session()).body().get("requireForLive").asBoolean()).isFalse();
        assertThat(get("/api/v1/me/2fa", e.session()).body().get("requireForKeys").asBoolean()).isTrue();
    }

    @Test
    void addingAKeyNeedsAFreshCodeWhenRequired() {
        Enrolled e = enrol(newUser());
        Map<String, Object> key = Map.of("exchange", "sim", "label", "paper key", "apiKey", "sim-key-123456789",
                "apiSecret", "sim-secret");
        assertThat(postWithCode("/api/v1/credentials", e.session(), key, null).status()).as("not required yet").isEqualTo(201);
        requirements(e.session(), false, true, null);

        assertProblem(postWithCode("/api/v1/credentials", e.session(), key, null), 403, "TOTP_REQUIRED");
        assertProblem(postWithCode("/api/v1/credentials", e.session(), key, wrongCode(e.secret())), 403, "TOTP_INVALID");
        String code = freshCode(e.secret());
        assertThat(postWithCode("/api/v1/credentials", e.session(), key, code).status()).isEqualTo(201);
        Answer replay = postWithCode("/api/v1/credentials", e.session(), key, code);
        assertProblem(replay, 403, "TOTP_INVALID");
        assertThat(replay.body().get("detail").asString()).contains("already used");
        assertThat(get("/api/v1/credentials", e.session()).body().size()).isEqualTo(2);
    }

    @Test
    void paperBotsNeverNeedACode() {
        Enrolled e = enrol(newUser());
        requirements(e.session(), true, true, null);
        String bot = scalper(e.session(), "0.05", "0.05");
        Answer started = post("/api/v1/bots/" + bot + "/start", e.session(), null);
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(200);
        assertThat(post("/api/v1/bots/" + bot + "/stop", e.session(), null).status()).isEqualTo(200);
    }

    @Test
    void theSecretIsNeverAnsweredAgain() {
        Enrolled e = enrol(newUser());
        assertThat(get("/api/v1/me/2fa", e.session()).body().toString()).doesNotContain(e.secret());
        assertThat(get("/api/v1/me", e.session()).body().toString()).doesNotContain(e.secret());
    }
}

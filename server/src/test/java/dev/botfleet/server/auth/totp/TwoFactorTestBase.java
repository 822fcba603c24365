package dev.botfleet.server.auth.totp;

import dev.botfleet.server.runtime.RuntimeTestBase;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enrolment as a user does it, with the codes an authenticator app would show computed here from the secret at the
 * server's (test) clock. A code is good once: {@link #freshCode} moves the clock to the next 30-second step first.
 */
abstract class TwoFactorTestBase extends RuntimeTestBase {
    protected static final String HEADER = "X-Botfleet-OTP";

    /** A user with 2FA on: the secret and the recovery codes. */
    /** @param enableCode the code that confirmed the setup (already used) */
    protected record Enrolled(Session session, String secret, List<String> recoveryCodes, String enableCode) {
    }

    /** The code an app shows now. */
    protected String codeNow(String secret) {
        return Totp.code(Base32.decode(secret), Totp.step(clock.instant()));
    }

    /** The code of the next step: the clock moves 30 s, so no earlier code's step is reused. */
    protected String freshCode(String secret) {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return codeNow(secret);
    }

    /** A code of this secret that is not valid now (two steps ahead, outside the ±1 window). */
    protected String wrongCode(String secret) {
        return Totp.code(Base32.decode(secret), Totp.step(clock.instant()) + 3);
    }

    protected Enrolled enrol(Session user) {
        Answer setup = post("/api/v1/me/2fa/setup", user, null);
        assertThat(setup.status()).as(String.valueOf(setup.body())).isEqualTo(200);
        String secret = setup.body().get("secret").asString();
        String code = freshCode(secret);
        Answer enabled = post("/api/v1/me/2fa/enable", user, Map.of("code", code));
        assertThat(enabled.status()).as(String.valueOf(enabled.body())).isEqualTo(200);
        List<String> codes = new java.util.ArrayList<>();
        enabled.body().get("recoveryCodes").forEach(c -> codes.add(c.asString()));
        return new Enrolled(user, secret, codes, code);
    }

    protected Answer requirements(Session user, boolean live, boolean keys, String otp) {
        var builder = MockMvcRequestBuilders.put("/api/v1/me/2fa/requirements");
        if (otp != null) builder.header(HEADER, otp);
        return send(builder, user, Map.of("requireForLive", live, "requireForKeys", keys));
    }

    /** POST with an X-Botfleet-OTP header (none when {@code otp} is null). */
    protected Answer postWithCode(String path, Session user, Object body, String otp) {
        var builder = MockMvcRequestBuilders.post(path);
        if (otp != null) builder.header(HEADER, otp);
        return send(builder, user, body);
    }

    protected Answer secondStep(String challenge, String code, String recoveryCode) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("challenge", challenge);
        if (code != null) body.put("code", code);
        if (recoveryCode != null) body.put("recoveryCode", recoveryCode);
        return post("/api/v1/auth/login/2fa", null, body);
    }

    /** The password step of a login with 2FA on: its challenge. */
    protected String challenge(Session user) {
        Answer login = login(user.email(), user.password(), nextAddress());
        assertThat(login.status()).as(String.valueOf(login.body())).isEqualTo(200);
        assertThat(login.body().get("secondFactorRequired").asBoolean()).isTrue();
        assertThat(login.body().has("token")).as("no token before the second factor").isFalse();
        return login.body().get("challenge").asString();
    }

    protected Session withToken(Session user, String token) {
        return new Session(user.id(), user.email(), user.password(), token);
    }
}

package dev.botfleet.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * The answer of POST /auth/login: a token, or (two-factor authentication on) {@code secondFactorRequired} with a
 * short-lived single-use {@code challenge} to answer at POST /auth/login/2fa with a code. A 200 either way: the
 * password was right, and a 401 would read as "wrong password" to clients that only look at the status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginResponse(String token, Instant expiresAt, boolean secondFactorRequired, String challenge,
                            Instant challengeExpiresAt) {

    public static LoginResponse of(TokenService.TokenResponse token) {
        return new LoginResponse(token.token(), token.expiresAt(), false, null, null);
    }

    public static LoginResponse secondFactor(String challenge, Instant challengeExpiresAt) {
        return new LoginResponse(null, null, true, challenge, challengeExpiresAt);
    }

    @Override
    public String toString() {
        return "LoginResponse[secondFactorRequired=" + secondFactorRequired + ", ***]";
    }
}

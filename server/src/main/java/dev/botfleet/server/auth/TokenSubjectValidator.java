package dev.botfleet.server.auth;

import dev.botfleet.server.user.TokenStates;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * A validly signed token is only good while its account exists and has not revoked it: a deleted user's token (or one
 * forged for an id that never existed) and a token issued before the password changed or before "sign out everywhere"
 * and a token of a disabled account are refused like an expired one, on the API and on the event stream, which share the decoder.
 */
@Component
public class TokenSubjectValidator implements OAuth2TokenValidator<Jwt> {
    private static final OAuth2TokenValidatorResult UNKNOWN_SUBJECT =
            OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token's account does not exist", null));
    private static final OAuth2TokenValidatorResult REVOKED = OAuth2TokenValidatorResult.failure(new OAuth2Error(
            "invalid_token", "The token was revoked (password changed or signed out everywhere)", null));
    private static final OAuth2TokenValidatorResult DISABLED = OAuth2TokenValidatorResult.failure(new OAuth2Error(
            "invalid_token", "The token's account is disabled", null));
    private final TokenStates states;

    public TokenSubjectValidator(TokenStates states) {
        this.states = states;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID subject;
        try {
            subject = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return UNKNOWN_SUBJECT;
        }
        Optional<TokenStates.TokenState> user = states.of(subject);
        if (user.isEmpty()) return UNKNOWN_SUBJECT;
        if (user.get().disabled()) return DISABLED;
        return versionOf(token) == user.get().tokenVersion() ? OAuth2TokenValidatorResult.success() : REVOKED;
    }

    /** Tokens issued before versions existed carry none: they count as version 0, the column's default. */
    private static long versionOf(Jwt token) {
        Object claim = token.getClaims().get(TokenService.VERSION_CLAIM);
        return claim instanceof Number n ? n.longValue() : (claim == null ? 0 : -1);
    }
}

package dev.botfleet.server.auth;

import dev.botfleet.server.user.UserRepository;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * A validly signed token is only good while its account exists: a deleted user's token (or one forged for an id that
 * never existed) is refused like an expired one, on the API and on the event stream, which share the decoder.
 */
@Component
public class TokenSubjectValidator implements OAuth2TokenValidator<Jwt> {
    private static final OAuth2TokenValidatorResult UNKNOWN_SUBJECT =
            OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token's account does not exist", null));
    private final UserRepository users;

    public TokenSubjectValidator(UserRepository users) {
        this.users = users;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID subject;
        try {
            subject = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return UNKNOWN_SUBJECT;
        }
        return users.findById(subject).isPresent() ? OAuth2TokenValidatorResult.success() : UNKNOWN_SUBJECT;
    }
}

package dev.botfleet.server.auth;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link JwtDecoder} that checks each distinct token's signature and parses its claims once, and validates it (expiry,
 * issuer, account) on every use. A dashboard sends the same token with every request, and parsing it again each time
 * was a quarter of the bytes a request allocated under a fleet's load (docs/fleet-scale.md, "What a request allocates").
 *
 * <p>A token is an immutable signed string, so what its signature and claims say never changes: only the validators'
 * answers do (time passes, a password changes, an account is disabled), and they run each time. A token whose signature
 * or shape is bad is not remembered, so only holders of valid tokens can add entries; at {@value #MAX_TOKENS} the
 * memory starts again empty rather than evicting one by one (about 2 kB a token: 20 MB at most).
 */
public final class RememberedTokens implements JwtDecoder {
    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier  checks the signature and converts the claims, validating nothing
     * @param validator what every use of a token must pass
     */
    public RememberedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this.verifier = verifier;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = token == null ? null : verified.get(token);
        if (jwt == null) {
            jwt = verifier.decode(token);
            if (verified.size() >= MAX_TOKENS) verified.clear();
            verified.put(token, jwt);
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        return jwt;
    }

    /** As NimbusJwtDecoder words a refusal. */
    private static String message(Collection<OAuth2Error> errors) {
        return errors.stream().map(OAuth2Error::getDescription).filter(d -> d != null && !d.isEmpty()).findFirst()
                .map(d -> "An error occurred while attempting to decode the Jwt: " + d).orElse("Unable to validate Jwt");
    }

    /** Tokens remembered now (for tests). */
    int size() {
        return verified.size();
    }
}
